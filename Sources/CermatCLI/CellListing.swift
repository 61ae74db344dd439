import CermatReporting
import CermatWorkbook

/// The `inspect --cells` listing: one line per stored cell with value, type, formula and number format.
struct CellListing {
    let workbook: Workbook

    /// The listing of a selection, as aligned columns.
    func render(_ selection: CellSelection) -> String {
        let sheet = workbook.sheets[selection.sheetIndex]
        guard let range = selection.range else { return "sheet '\(sheet.name)' holds no cells\n" }
        var rows: [[String]] = [["CELL", "TYPE", "VALUE", "FORMULA", "FORMAT"]]
        for row in range.first.row...range.last.row {
            for cell in sheet.cells(inRow: row) where range.contains(cell.address) {
                let style = workbook.style(of: cell)
                rows.append([cell.address.a1, cell.value.kindName, display(cell.value, style.numberFormat),
                             cell.formula.map { "=" + $0 } ?? "", style.numberFormat.code])
            }
        }
        return "\(sheet.name)!\(range.a1): \(rows.count - 1) stored cells\n" + TextTable.render(rows)
    }

    private func display(_ value: CellValue, _ format: NumberFormat) -> String {
        switch value {
        case .empty: return ""
        case .number(let number):
            if format.isDate, let iso = ExcelDate.iso8601(serial: number, date1904: workbook.date1904) {
                return "\(NumberText.plain(number)) (\(iso))"
            }
            return NumberText.plain(number)
        case .string(let text): return TextTable.quoted(text)
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .error(let code): return code
        case .date(let iso): return iso
        }
    }
}

/// Plain renderings of numbers for listings: integers without `.0`, others in Swift's shortest round-trip form.
enum NumberText {
    /// `150` for 150.0, `0.9815` for 0.9815.
    static func plain(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
