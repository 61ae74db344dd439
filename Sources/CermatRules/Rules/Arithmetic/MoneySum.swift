import CermatPlanning

/// Summing money over rows, shared by the parent and total rules.
enum MoneySum {
    /// The rows directly below a parent: its kegiatan, or its sub-kegiatan. A parent printed twice under one kode
    /// (E-81 Blitar's kegiatan 1.06.01.2.06, whose sub-kegiatan are split over both) owns the children of both; rows
    /// repeated with the same kode and the same money count once.
    static func children(of index: Int, in table: PlanningTable) -> [PlanningRow] {
        let parent = table.rows[index]
        let expected: RowLevel = parent.level == .program ? .kegiatan : .subKegiatan
        let parents = Set(table.rows.indices.filter { other in
            other == index || (parent.kode != nil && table.rows[other].kode == parent.kode && table.rows[other].level == parent.level)
        })
        var seen: Set<String> = []
        return table.rows.filter { row in
            guard let owner = row.parent, parents.contains(owner), row.level == expected else { return false }
            guard let kode = row.kode else { return true }
            let signature = kode + "|" + row.values.sorted { $0.key < $1.key }.map { "\($0.value.value.number ?? 0)" }.joined(separator: ",")
            return seen.insert(signature).inserted
        }
    }

    /// Reports when `row`'s value in `column` differs from the sum over `parts` (blanks and dashes count as zero).
    static func compare(_ row: PlanningRow, _ parts: [PlanningRow], column: Int, in table: PlanningTable, _ context: RuleContext,
                        message: (Double, (total: (id: String, en: String), actual: (id: String, en: String))) -> Message) {
        guard let printed = row.values[column], let actual = printed.value.number,
              parts.contains(where: { $0.number(column) != nil }) else { return }
        // A part whose cell holds text that is not a number (a malformed amount) makes the sum unknowable.
        guard parts.allSatisfy({ $0.number(column) != nil || ($0.values[column]?.value.isEmpty ?? true) }) else { return }
        let total = parts.reduce(0) { $0 + ($1.number(column) ?? 0) }
        guard context.tolerance.compare(printed, actual, expected: total) != .equal else { return }
        context.report(table, row: row, cell: table.cell(row, column), column: table.column(at: column)?.descriptor,
                       message: message(total, (printed.shown(total), printed.shown(actual))), expected: total, actual: actual,
                       related: parts.map { table.cell($0, column) })
    }
}
