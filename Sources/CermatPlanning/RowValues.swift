/// The values of a row's measured columns, by zero-based sheet column, in column order.
///
/// One slot per column from the first valued column to the last: rules look cells up by column millions of times on a
/// large workbook, and hashing each lookup (and copying the value out of a dictionary) dominated linting.
public struct RowValues: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    // Inlinable below, with the storage it reads: the rules live in other modules and read a cell in their innermost loops.
    @usableFromInline var first = 0
    @usableFromInline var slots: [TypedValue?] = []

    /// How many columns hold a value.
    public private(set) var count = 0

    /// No values.
    public init() {}

    /// The values of the columns from `first` on, one slot per column (`nil` where a column holds none).
    public init(first: Int, slots: [TypedValue?]) {
        self.first = first
        self.slots = slots
        count = slots.count { $0 != nil }
    }

    /// Values written as a dictionary literal (tests and examples).
    public init(dictionaryLiteral elements: (Int, TypedValue)...) {
        for (column, value) in elements { self[column] = value }
    }

    /// The value in a column, if any; setting `nil` removes it.
    public subscript(column: Int) -> TypedValue? {
        @inlinable get {
            let slot = column - first
            return slot >= 0 && slot < slots.count ? slots[slot] : nil
        }
        set {
            if slots.isEmpty {
                guard newValue != nil else { return }
                first = column
                slots.append(nil)
            } else if column < first {
                guard newValue != nil else { return }
                slots.insert(contentsOf: repeatElement(nil, count: first - column), at: 0)
                first = column
            } else if column - first >= slots.count {
                guard newValue != nil else { return }
                slots.append(contentsOf: repeatElement(nil, count: column - first - slots.count + 1))
            }
            let slot = column - first
            count += (newValue == nil ? 0 : 1) - (slots[slot] == nil ? 0 : 1)
            slots[slot] = newValue
        }
    }

    /// Whether a column holds a value other than a blank or a lone dash (read in place: rules ask it of every cell).
    @inlinable public func isFilled(_ column: Int) -> Bool {
        let slot = column - first
        // Read in place through the slot: binding the value would copy it, retaining its text, for every cell of every rule.
        return slot >= 0 && slot < slots.count && slots[slot]?.value.isEmpty == false
    }

    /// The single number in a column (`PlanningValue.number`), read in place like `isFilled`.
    @inlinable public func number(_ column: Int) -> Double? {
        let slot = column - first
        return slot >= 0 && slot < slots.count ? slots[slot]?.value.number : nil
    }

    /// How many numbers a column holds (`PlanningValue.numberCount`), read in place like `isFilled`.
    @inlinable public func numberCount(_ column: Int) -> Int {
        let slot = column - first
        return slot >= 0 && slot < slots.count ? slots[slot]?.value.numberCount ?? 0 : 0
    }

    /// Whether no column holds a value.
    public var isEmpty: Bool { count == 0 }

    /// The columns that hold a value, ascending.
    public var keys: [Int] { map(\.key) }

    /// The values, in column order.
    public var values: [TypedValue] { map(\.value) }

    /// The columns with their values, in column order.
    public struct Iterator: IteratorProtocol {
        fileprivate let first: Int
        fileprivate let slots: [TypedValue?]
        fileprivate var slot = 0

        /// The next column that holds a value.
        public mutating func next() -> (key: Int, value: TypedValue)? {
            while slot < slots.count {
                defer { slot += 1 }
                if let value = slots[slot] { return (first + slot, value) }
            }
            return nil
        }
    }

    /// Iterates the columns with their values, in column order.
    public func makeIterator() -> Iterator {
        Iterator(first: first, slots: slots)
    }

    public var underestimatedCount: Int { count }

    public static func == (lhs: RowValues, rhs: RowValues) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for (column, value) in self {
            hasher.combine(column)
            hasher.combine(value)
        }
    }
}
