import CermatPlanning
import CermatWorkbook

/// Small helpers every rule uses to read rows and write messages.
extension PlanningRow {
    /// The number in a column, if the cell holds one (a plain number, a percentage, a measured quantity).
    public func number(_ column: Int) -> Double? {
        values.number(column)
    }

    /// The label a person recognises the row by: kode and name, or the indicator.
    public var label: String {
        let name = name ?? indicator ?? "baris \(sheetRow + 1)"
        return kode.map { "\($0) \(name)" } ?? name
    }
}

extension Sequence<String> {
    /// Whether each text sorts after the one before: then none repeats. Kode printed in the order of the hierarchy do
    /// (`1.06.01` < `1.06.01.2.01` < `1.06.01.2.01.0001` < `1.06.01.2.02`), and comparing neighbours costs a fraction of
    /// filing every one.
    func strictlyAscends() -> Bool {
        var previous: String?
        for text in self {
            if let previous, !(previous < text) { return false }
            previous = text
        }
        return true
    }
}

extension PlanningTable {
    /// The cell of a row in a column.
    public func cell(_ row: PlanningRow, _ column: Int) -> CellAddress {
        CellAddress(row: row.sheetRow, column: column)
    }

    /// The printed column number and descriptor of a column, for messages (`kolom 13 (capaian/%/tahun)`).
    public func columnLabel(_ column: Int) -> (id: String, en: String) {
        let letter = CellAddress.columnName(column)
        guard let described = self.column(at: column) else { return ("kolom \(letter)", "column \(letter)") }
        let number = described.number.map { " \($0)" } ?? ""
        return ("kolom\(number) (\(letter), \(described.descriptor))", "column\(number) (\(letter), \(described.descriptor))")
    }

    /// The data rows whose level is one of `levels` (all data rows when empty).
    public func dataRows(_ levels: Set<RowLevel> = []) -> [PlanningRow] {
        // A table without footers gives its own list, shared: twenty rules ask, and filtering copied every row each time.
        if levels.isEmpty && rows.allSatisfy(\.isData) { return rows }
        return rows.filter { $0.isData && (levels.isEmpty || levels.contains($0.level)) }
    }

    /// The first column with a descriptor, if any.
    public func firstColumn(_ descriptor: String) -> Int? {
        columns(ColumnDescriptor(descriptor)).first?.index
    }
}

/// Writing numbers the way the cell prints them.
extension TypedValue {
    /// The value in both languages at the cell's own precision (two decimals when unknown), with `%` for percentages.
    public func shown(_ number: Double, percent: Bool? = nil) -> (id: String, en: String) {
        let isPercent = percent ?? { if case .percent = value { return true } else { return false } }()
        return Numeral.both(number, decimals: decimals ?? (number == number.rounded() ? 0 : 2), percent: isPercent)
    }
}

extension Dictionary {
    /// The value stored for a key, `value` stored first when there is none: one lookup, where a read and then a write
    /// hash the key twice (hundreds of thousands of kode pass here one after the other).
    mutating func value(for key: Key, inserting value: @autoclosure () -> Value) -> Value {
        func stored(_ stored: inout Value) -> Value { stored }
        return stored(&self[key, default: value()])
    }
}
