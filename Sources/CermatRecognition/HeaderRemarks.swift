import CermatPlanning
import CermatWorkbook

/// What a table's header and its data rows disagree on, as remarks for a person (and for the header rule) to act on:
/// a header that fits several forms, a column no rule understood, header columns without data, data without a header,
/// and formulas of the column-number row over columns the header lacks.
struct HeaderRemarks {
    let header: HeaderBlock
    let grid: SheetGrid
    let rows: [PlanningRow]

    func remarks(ties: [String], unknown: [Int], unresolved: [NumberRow.Statement]) -> [TableRemark] {
        let corner = CellAddress(row: header.rows.lowerBound, column: header.columns.lowerBound)
        var remarks: [TableRemark] = []
        if let used = ties.first {
            remarks.append(TableRemark(.ambiguousForm, cell: corner, subject: ties.joined(separator: ", "),
                                       description: "the header fits several forms equally well (\(ties.joined(separator: ", "))); \(used) was used"))
        }
        for column in unknown {
            let printed = header.printed[column]?.joined(separator: " / ") ?? ""
            remarks.append(TableRemark(.unknownColumn, cell: headerCell(column), subject: printed,
                                       description: "column \(CellAddress.columnName(column)) ('\(printed)') was not understood"))
        }
        for column in columnsWithoutData() {
            let printed = header.printed[column]?.joined(separator: " / ") ?? ""
            remarks.append(TableRemark(.headerWithoutData, cell: headerCell(column), subject: printed,
                                       description: "column \(CellAddress.columnName(column)) ('\(printed)') has no number in the column-number row and no value in any row"))
        }
        if let beyond = dataBeyondHeader() {
            remarks.append(TableRemark(.dataBeyondHeader, cell: beyond.cell, subject: beyond.text,
                                       description: "rows hold values right of the header, from \(beyond.cell.a1) ('\(beyond.text)')"))
        }
        for statement in unresolved {
            let column = header.numberRow?.numbers.filter { $0.value == statement.group }.keys.min() ?? header.columns.lowerBound
            let cell = CellAddress(row: header.numberRow?.row ?? header.rows.upperBound, column: column)
            remarks.append(TableRemark(.unresolvedFormula, cell: cell, subject: statement.text,
                                       description: "the formula '\(statement.text)' of the column-number row names a column the header lacks"))
        }
        return remarks
    }

    // The header's own cell for a column: the lowest header row that prints text there.
    private func headerCell(_ column: Int) -> CellAddress {
        let row = header.rows.reversed().first { !grid.ownText($0, column).isEmpty } ?? header.rows.lowerBound
        return CellAddress(row: row, column: column)
    }

    // Header columns the column-number row leaves unnumbered and no data row fills: more sub-headers than data columns.
    private func columnsWithoutData() -> [Int] {
        guard let numbers = header.numberRow?.numbers, !numbers.isEmpty else { return [] }
        return header.columns.filter { column in
            numbers[column] == nil && !(header.printed[column] ?? []).isEmpty && grid.merge(at: headerCell(column)).map { $0.columnCount == 1 } ?? true
                && rows.allSatisfy { row in ([row.sheetRow] + row.continuationRows).allSatisfy { grid.ownText($0, column).isEmpty } }
        }
    }

    // Numbers in two or more data rows just right of the header's last column (within three columns).
    private func dataBeyondHeader() -> (cell: CellAddress, text: String)? {
        let beyond = (header.columns.upperBound + 1)...(header.columns.upperBound + 3)
        // A sheet whose cells all lie within the header's columns (most) has nothing beyond them to look through.
        guard let used = grid.sheet.usedRange, used.last.column >= beyond.lowerBound else { return nil }
        // Each row's stored cells looked through in place, a row whose last cell lies inside the header (most) passed over
        // at once, and only until two rows are found: every row passes here.
        let found = Array(rows.lazy.compactMap { row -> (cell: CellAddress, text: String)? in
            let cells = grid.row(row.sheetRow).cells
            guard let last = cells.last, last.address.column >= beyond.lowerBound else { return nil }
            return cells.first { cell in
                guard beyond.contains(cell.address.column), cell.hasContent, !cell.value.isBlank else { return false }
                if case .number = cell.value { return true }
                return ValueParser.parse(cell.value.text ?? "").value.number != nil
            }.map { ($0.address, grid.ownText($0.address.row, $0.address.column)) }
        }.prefix(2))
        return found.count >= 2 ? found.first : nil
    }
}
