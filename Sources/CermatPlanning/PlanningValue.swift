/// What a cell of a planning table means, read Indonesian-first (DOMAIN §3).
public enum PlanningValue: Hashable, Sendable {
    /// Nothing in the cell.
    case blank
    /// A lone dash: "nothing to report" (zero money, no target, not applicable).
    case dash
    /// A plain number: a count, an amount of rupiah, a percent written without `%`.
    case number(Double)
    /// A percentage: `98,15%`, or a numeric cell formatted as percent (0.9815 shown as 98,15%), held as 98.15.
    case percent(Double)
    /// A number with its unit in the same cell: `10 Dokumen`, `79 Orang/Bulan`.
    case measured(Double, unit: String)
    /// Several values in one cell: `50 Orang, 18 Orang, 68 Lembaga`, `60, 18, 90, 30`.
    case list([PlanningValue])
    /// A check mark (`√`).
    case check
    /// Words.
    case text(String)
    /// Text that looks like a number but cannot be read as one without guessing (`1,234,567`, `4.035.693.583.`).
    case malformed(String, MalformedNumber)
    /// A spreadsheet error value such as `#DIV/0!`.
    case error(String)

    /// Which case a value is, without its payload: what a table's columns of values hold (`ValueColumns`).
    public enum Kind: UInt8, Sendable {
        /// No value is stored for the cell (a row's values hold none for its column).
        case absent
        /// Nothing in the cell (`blank`).
        case blank
        /// A lone dash (`dash`).
        case dash
        /// A plain number (`number`).
        case number
        /// A percentage (`percent`).
        case percent
        /// A number with its unit (`measured`).
        case measured
        /// Several values in one cell (`list`).
        case list
        /// A check mark (`check`).
        case check
        /// Words (`text`).
        case text
        /// Number-like text that was not read as a number (`malformed`).
        case malformed
        /// A spreadsheet error value (`error`).
        case error

        /// Whether the value carries nothing (blank or a lone dash), as `PlanningValue.isEmpty` says.
        @inlinable public var isEmpty: Bool { self == .blank || self == .dash }
    }

    /// Which case the value is.
    @inlinable public var kind: Kind {
        switch self {
        case .blank: return .blank
        case .dash: return .dash
        case .number: return .number
        case .percent: return .percent
        case .measured: return .measured
        case .list: return .list
        case .check: return .check
        case .text: return .text
        case .malformed: return .malformed
        case .error: return .error
        }
    }

    /// The single number the value stands for, if it is one (a number, a percent, or a measured quantity).
    @inlinable public var number: Double? {
        switch self {
        case .number(let value), .percent(let value), .measured(let value, _): return value
        default: return nil
        }
    }

    /// Whether the cell carries no value at all (blank or a lone dash).
    @inlinable public var isEmpty: Bool { kind.isEmpty }

    /// Whether the value holds a number, alone or in a list (`numbers` is not empty), without listing them.
    public var isNumeric: Bool {
        switch self {
        case .number, .percent, .measured: return true
        case .list(let items): return items.contains { $0.number != nil }
        default: return false
        }
    }

    /// How many numbers the value holds (`numbers.count`), without listing them.
    @inlinable public var numberCount: Int {
        switch self {
        case .number, .percent, .measured: return 1
        case .list(let items): return items.count { $0.number != nil }
        default: return 0
        }
    }

    /// The smallest and the largest of `numbers`, without listing them; `nil` when the value holds none.
    public var numberBounds: (min: Double, max: Double)? {
        if let number { return (number, number) }
        guard case .list(let items) = self else { return nil }
        var bounds: (min: Double, max: Double)?
        for number in items.lazy.compactMap(\.number) {
            bounds = bounds.map { (Swift.min($0.min, number), Swift.max($0.max, number)) } ?? (number, number)
        }
        return bounds
    }

    /// The first of `numbers` that satisfies `predicate`, without listing them.
    public func firstNumber(where predicate: (Double) -> Bool) -> Double? {
        if case .list(let items) = self { return items.lazy.compactMap(\.number).first(where: predicate) }
        return number.flatMap { predicate($0) ? $0 : nil }
    }

    /// The numbers of a list (or of a single numeric value), in order.
    public var numbers: [Double] {
        if case .list(let items) = self { return items.compactMap(\.number) }
        return number.map { [$0] } ?? []
    }
}

/// Why number-like text was not read as a number.
public enum MalformedNumber: String, Error, Hashable, Sendable, CaseIterable {
    /// English thousands separators in an Indonesian sheet: `1,234,567`, `420,000,000,-`.
    case englishSeparators
    /// A decimal point where Indonesian uses a comma: `12.34`, `86.36`, `130.84%`.
    case decimalPoint
    /// A separator at the end: `4.035.693.583.`, `417.238.000.`.
    case trailingSeparator
    /// A thousands group that is not three digits: `2.754.6000`, `860.400.00`.
    case groupLength
    /// Digits broken by a space, as a PDF line break leaves them: `96.925.000 0`, `6.389.070.6 92`.
    case splitDigits
}
