import CermatWorkbook

/// The values of a row's measured columns, by zero-based sheet column, in column order.
///
/// One slot per column from the first valued column to the last: rules look cells up by column millions of times on a
/// large workbook, and hashing each lookup (and copying the value out of a dictionary) dominated linting. A slot holds
/// a value read from a numeric cell of the row (or a blank) as its parts, in 16 bytes rather than a `TypedValue`'s 56: a
/// 200 000-row table holds millions of them, and making and laying out whole values cost recognition a fifth of its
/// time. Any other value (text, a unit, a list, a value moved from another cell) is kept whole beside the slots.
public struct RowValues: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// A column's value, as its parts or as the place of the whole value in `others`.
    @usableFromInline struct Slot: Sendable {
        /// The number of a value held as its parts (a numeric cell's); unused otherwise.
        @usableFromInline var number: Double
        /// Which case the value is (`absent`: no value).
        @usableFromInline var kind: PlanningValue.Kind
        /// The decimals shown by a value held as its parts, `Int8.min` when unknown.
        @usableFromInline var decimals: Int8
        /// How a value held as its parts was written (`Slot.numericCell`, …).
        @usableFromInline var written: UInt8
        /// The index of the whole value in `others`, -1 for a value held as its parts.
        @usableFromInline var other: Int32

        @usableFromInline static let absent = Slot(number: 0, kind: .absent, decimals: .min, written: 0, other: -1)
        /// An empty cell of the row, as `ValueParser` reads it.
        @usableFromInline static let blank = Slot(number: 0, kind: .blank, decimals: .min, written: 0, other: -1)
        @usableFromInline static let numericCell: UInt8 = 1, bullet: UInt8 = 2, groupsThousands: UInt8 = 4

        /// A slot from its stored parts.
        @usableFromInline init(number: Double, kind: PlanningValue.Kind, decimals: Int8, written: UInt8, other: Int32) {
            (self.number, self.kind, self.decimals, self.written, self.other) = (number, kind, decimals, written, other)
        }

        /// A number held as its parts: the one place its "how it was written" bits are set.
        init(number: Double, kind: PlanningValue.Kind, decimals: Int8?, isNumericCell: Bool, hadBullet: Bool, groupsThousands: Bool) {
            self.init(number: number, kind: kind, decimals: decimals ?? .min,
                      written: (isNumericCell ? Slot.numericCell : 0) | (hadBullet ? Slot.bullet : 0)
                        | (groupsThousands ? Slot.groupsThousands : 0),
                      other: -1)
        }

        /// The decimals shown, `nil` when unknown.
        @inlinable var shownDecimals: Int8? { decimals == .min ? nil : decimals }
        /// Whether the value sat in a numeric cell (read back from `written`, as are the two below).
        @inlinable var isNumericCell: Bool { written & Slot.numericCell != 0 }
        /// Whether the text carried a bullet.
        @inlinable var hadBullet: Bool { written & Slot.bullet != 0 }
        /// Whether the cell's number format groups thousands.
        @inlinable var groupsThousands: Bool { written & Slot.groupsThousands != 0 }
    }

    // Inlinable below, with the storage it reads: the rules live in other modules and read a cell in their innermost loops.
    // What reading a cell reads first, together in memory (a row's values lie in its box's first line, `PlanningRow`).
    @usableFromInline var first = 0
    @usableFromInline var slots: [Slot] = []
    // `nil` rather than empty for a row with none (most rows): reading a cell retains what the row holds, and an empty
    // list is one object that every row on every core would retain.
    @usableFromInline var others: [TypedValue]?

    /// How many columns hold a value.
    public private(set) var count = 0
    // The sheet row whose cells the slots' own values were read from (set by the first value stored).
    @usableFromInline var sheetRow = -1

    /// No values.
    public init() {}

    /// Empty slots for the columns `first..<first + width` of a sheet row's cells, to be set one by one (as recognition
    /// reads a row).
    public init(first: Int, width: Int, sheetRow: Int) {
        self.first = first
        self.sheetRow = sheetRow
        slots = Array(repeating: .absent, count: width)
    }

    /// Values written as a dictionary literal (tests and examples).
    public init(dictionaryLiteral elements: (Int, TypedValue)...) {
        for (column, value) in elements { self[column] = value }
    }

    /// The value in a column, if any; setting `nil` removes it.
    public subscript(column: Int) -> TypedValue? {
        @inlinable get {
            let slot = column - first
            return slot >= 0 && slot < slots.count ? value(slots[slot], column: column) : nil
        }
        set {
            if slots.isEmpty {
                guard newValue != nil else { return }
                first = column
                slots.append(.absent)
            } else if column < first {
                guard newValue != nil else { return }
                slots.insert(contentsOf: repeatElement(.absent, count: first - column), at: 0)
                first = column
            } else if column - first >= slots.count {
                guard newValue != nil else { return }
                slots.append(contentsOf: repeatElement(.absent, count: column - first - slots.count + 1))
            }
            let slot = column - first
            count += (newValue == nil ? 0 : 1) - (slots[slot].kind == .absent ? 0 : 1)
            slots[slot] = newValue.map { store($0, column: column, replacing: slots[slot]) } ?? .absent
        }
    }

    /// Stores a numeric cell of the row in its column (the value `TypedValue(numericCell:…)` makes) without making the
    /// value: recognition reads millions. The column must lie within the slots made for the row.
    public mutating func setNumericCell(_ column: Int, number: Double, percent: Bool, decimals: Int?, formatGroupsThousands: Bool) {
        let stored = decimals.map { Int8(clamping: $0) }
        // Decimals clamped to the sentinel for unknown ones would come back unknown: kept whole instead, as `store` does.
        guard stored != Int8.min else {
            self[column] = TypedValue(numericCell: number, percent: percent, cell: CellAddress(row: sheetRow, column: column),
                                      decimals: decimals, formatGroupsThousands: formatGroupsThousands)
            return
        }
        let (shown, kind) = TypedValue.numericCellParts(number, percent: percent)
        set(column, Slot(number: shown, kind: kind, decimals: stored, isNumericCell: true, hadBullet: false,
                         groupsThousands: formatGroupsThousands))
    }

    /// Stores an empty cell of the row in its column (the value `ValueParser` reads from one) without making the value.
    /// The column must lie within the slots made for the row.
    public mutating func setBlank(_ column: Int) {
        set(column, .blank)
    }

    private mutating func set(_ column: Int, _ slot: Slot) {
        precondition(column - first >= 0 && column - first < slots.count && sheetRow >= 0, "a cell within the row's slots")
        count += slots[column - first].kind == .absent ? 1 : 0
        slots[column - first] = slot
    }

    /// Whether a column holds a value other than a blank or a lone dash (read in place: rules ask it of every cell).
    @inlinable public func isFilled(_ column: Int) -> Bool {
        let slot = column - first
        // The kind alone: binding the value would copy it, retaining its text, for every cell of every rule.
        return slot >= 0 && slot < slots.count && slots[slot].kind != .absent && !slots[slot].kind.isEmpty
    }

    /// The single number in a column (`PlanningValue.number`), read in place like `isFilled`.
    @inlinable public func number(_ column: Int) -> Double? {
        let slot = column - first
        guard slot >= 0 && slot < slots.count else { return nil }
        let stored = slots[slot]
        if stored.other >= 0 { return others![Int(stored.other)].value.number }
        return stored.kind == .number || stored.kind == .percent ? stored.number : nil
    }

    /// How many numbers a column holds (`PlanningValue.numberCount`), read in place like `isFilled`.
    @inlinable public func numberCount(_ column: Int) -> Int {
        let slot = column - first
        guard slot >= 0 && slot < slots.count else { return 0 }
        let stored = slots[slot]
        if stored.other >= 0 { return others![Int(stored.other)].value.numberCount }
        return stored.kind == .number || stored.kind == .percent ? 1 : 0
    }

    /// Which case a column's value is, `absent` when it holds none (`PlanningValue.kind`), read in place like `isFilled`.
    @inlinable public func kind(_ column: Int) -> PlanningValue.Kind {
        let slot = column - first
        return slot >= 0 && slot < slots.count ? slots[slot].kind : .absent
    }

    /// How a column's value was written (`TypedValue.decimals`, `isNumericCell`, `hadBullet`, `formatGroupsThousands`),
    /// read in place like `isFilled`; `nil` when the column holds no value.
    @inlinable public func writing(_ column: Int) -> (decimals: Int?, isNumericCell: Bool, hadBullet: Bool, formatGroupsThousands: Bool)? {
        let slot = column - first
        guard slot >= 0 && slot < slots.count, slots[slot].kind != .absent else { return nil }
        let stored = slots[slot]
        if stored.other >= 0 {
            let value = others![Int(stored.other)]
            return (value.decimals, value.isNumericCell, value.hadBullet, value.formatGroupsThousands)
        }
        return (stored.shownDecimals.map(Int.init), stored.isNumericCell, stored.hadBullet, stored.groupsThousands)
    }

    /// Whether no column holds a value.
    public var isEmpty: Bool { count == 0 }

    /// The columns that hold a value, ascending.
    public var keys: [Int] { map(\.key) }

    /// The values, in column order.
    public var values: [TypedValue] { map(\.value) }

    // The value a slot holds, put back together.
    @inlinable func value(_ slot: Slot, column: Int) -> TypedValue? {
        if slot.other >= 0 { return others![Int(slot.other)] }
        let cell = CellAddress(row: sheetRow, column: column)
        switch slot.kind {
        case .absent: return nil
        case .number, .percent:
            return TypedValue(value: slot.kind == .number ? .number(slot.number) : .percent(slot.number), cell: cell, typed: nil,
                              storedDecimals: slot.shownDecimals, isNumericCell: slot.isNumericCell, hadBullet: slot.hadBullet,
                              formatGroupsThousands: slot.groupsThousands)
        default:
            return TypedValue(value: .blank, cell: cell, typed: "", storedDecimals: nil, isNumericCell: false, hadBullet: false,
                              formatGroupsThousands: false)
        }
    }

    // The slot that holds a value: its parts when they put it back together exactly (a numeric cell's number, or an empty
    // cell, read from this row in this column), else its place in `others` (`replacing`'s place, when it had one).
    private mutating func store(_ value: TypedValue, column: Int, replacing old: Slot) -> Slot {
        if sheetRow < 0 { sheetRow = value.cell.row }
        let own = value.cell == CellAddress(row: sheetRow, column: column) && value.storedDecimals != Int8.min
        let kind = value.value.kind
        if own && value.typed == nil && (kind == .number || kind == .percent) {
            return Slot(number: value.value.number!, kind: kind, decimals: value.storedDecimals, isNumericCell: value.isNumericCell,
                        hadBullet: value.hadBullet, groupsThousands: value.formatGroupsThousands)
        }
        if own && kind == .blank && value.typed == "" && value.storedDecimals == nil && !value.isNumericCell && !value.hadBullet
            && !value.formatGroupsThousands {
            return .blank
        }
        // A value replaced or removed leaves its old place in `others` unused: values are set once, as a row is read, and
        // moved only by the few rows whose layout is resolved.
        let index: Int32
        if old.other >= 0 {
            index = old.other
            others![Int(index)] = value
        } else {
            index = Int32(others?.count ?? 0)
            if others == nil { others = [value] } else { others!.append(value) }
        }
        return Slot(number: 0, kind: kind, decimals: .min, written: 0, other: index)
    }

    /// The columns with their values, in column order.
    public struct Iterator: IteratorProtocol {
        fileprivate let values: RowValues
        fileprivate var slot = 0

        /// The next column that holds a value.
        public mutating func next() -> (key: Int, value: TypedValue)? {
            while slot < values.slots.count {
                defer { slot += 1 }
                if let value = values.value(values.slots[slot], column: values.first + slot) { return (values.first + slot, value) }
            }
            return nil
        }
    }

    /// Iterates the columns with their values, in column order.
    public func makeIterator() -> Iterator {
        Iterator(values: self)
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
