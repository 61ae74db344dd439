import CermatWorkbook

/// A cell written the way a spreadsheet writes references: `E-81!U12`, `'Tabel 3 Faktor'!C5`.
public enum SheetReference {
    /// The reference, the sheet name quoted only when it needs to be (or always, for SARIF's qualified names).
    public static func cell(_ sheet: String, _ cell: CellAddress, alwaysQuote: Bool = false) -> String {
        name(sheet, alwaysQuote: alwaysQuote) + "!" + cell.a1
    }

    /// The sheet name, quoted (with `'` doubled) when it holds anything but letters, digits, `-`, `_` and `.`.
    public static func name(_ sheet: String, alwaysQuote: Bool = false) -> String {
        let plain = !sheet.isEmpty && sheet.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        guard alwaysQuote || !plain else { return sheet }
        return "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
