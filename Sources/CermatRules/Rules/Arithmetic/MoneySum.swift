import CermatPlanning
import CermatWorkbook

/// Summing money over rows, shared by the parent and total rules.
enum MoneySum {
    /// Each parent row's children, both by index in the table's rows: its kegiatan, or its sub-kegiatan. A parent
    /// printed twice under one kode (E-81 Blitar's kegiatan 1.06.01.2.06, whose sub-kegiatan are split over both) owns
    /// the children of both; rows repeated with the same kode and the same money count once. Worked out once per run
    /// for the rules that sum (`TableReadings`).
    static func families(in table: PlanningTable, _ context: RuleContext) -> [Int: [Int]] {
        Families.of(table, in: context).rows
    }

    /// The families of a table, as a reading to share.
    struct Families: TableReading {
        let rows: [Int: [Int]]

        /// The table's families, worked out afresh.
        init(reading table: PlanningTable, in context: RuleContext) {
            rows = MoneySum.families(in: table)
        }
    }

    /// The families of `families(in:_:)`, worked out afresh (for a table changed from the recognised one). One pass.
    static func families(in table: PlanningTable) -> [Int: [Int]] {
        let rows = table.rows
        // By row, the rows whose parent it is (each list ascending, as the rows are walked in order); by level and kode,
        // the parents printed under it. Each row's level is kept from this one visit: a row visited again later waits on
        // memory again.
        var direct = [[Int]](repeating: [], count: rows.count)
        var twins: [Twin: [Int]] = [:]
        var levels: [RowLevel] = []
        levels.reserveCapacity(rows.count)
        for index in rows.indices {
            if let owner = rows[index].parent, rows.indices.contains(owner) { direct[owner].append(index) }
            let level = rows[index].level
            levels.append(level)
            // The level first: binding the kode of every row retained it.
            if level == .program || level == .kegiatan, let kode = rows[index].kode {
                twins[Twin(level: level, kode: kode), default: []].append(index)
            }
        }
        var families: [Int: [Int]] = [:]
        // The children kept so far by kode, for one parent at a time (the tables kept, emptied between parents): a kode
        // seldom repeats, and only then are the rows' numbers compared, with the first kept and any others kept.
        var first: [String: Int] = [:], more: [String: [Int]] = [:]
        for index in rows.indices where levels[index] == .program || levels[index] == .kegiatan {
            let parent = rows[index]
            let expected: RowLevel = parent.level == .program ? .kegiatan : .subKegiatan
            let owners = parent.kode.flatMap { twins[Twin(level: parent.level, kode: $0)] } ?? [index]
            let candidates = owners.count == 1 ? direct[owners[0]] : owners.flatMap { direct[$0] }.sorted()
            let offspring = candidates.filter { levels[$0] == expected }
            guard !offspring.isEmpty else { continue }
            // Children listed in ascending kode, every one having one (nearly every table), repeat none: only otherwise
            // are their kode filed.
            let kode = offspring.compactMap { rows[$0].kode }
            guard kode.count < offspring.count || !kode.strictlyAscends() else {
                families[index] = offspring
                continue
            }
            var children: [Int] = []
            for child in offspring {
                let row = rows[child]
                if let kode = row.kode {
                    if let earlier = first[kode] {
                        if sameNumbers(rows[earlier], row) || more[kode]?.contains(where: { sameNumbers(rows[$0], row) }) == true {
                            continue
                        }
                        more[kode, default: []].append(child)
                    } else {
                        first[kode] = child
                    }
                }
                children.append(child)
            }
            first.removeAll(keepingCapacity: true)
            more.removeAll(keepingCapacity: true)
            families[index] = children
        }
        return families
    }

    // A parent's level and kode, for finding a parent printed twice.
    private struct Twin: Hashable {
        let level: RowLevel
        let kode: String
    }

    // Whether two rows hold the same numbers in the same columns.
    private static func sameNumbers(_ a: PlanningRow, _ b: PlanningRow) -> Bool {
        a.values.map { $0.value.value.number } == b.values.map { $0.value.value.number }
    }

    /// One parent's children, as `families(in:)` gives them (a pass over the table: for a few rows, not for every row).
    static func children(of index: Int, in table: PlanningTable) -> [PlanningRow] {
        (families(in: table)[index] ?? []).map { table.rows[$0] }
    }

    /// Reports when `row`'s value in `column` differs from the sum over `parts` (blanks and dashes count as zero).
    /// Rows are given by index in the table's rows, their numbers read from the column's cells in `values`.
    static func compare(_ row: Int, _ parts: [Int], column: Int, _ values: ValueColumns, in table: PlanningTable,
                        _ context: RuleContext,
                        message: (Double, (total: (id: String, en: String), actual: (id: String, en: String))) -> Message) {
        guard let cells = values[column], let actual = cells.number(row), parts.contains(where: { cells.number($0) != nil })
        else { return }
        // A part whose cell holds text that is not a number (a malformed amount) makes the sum unknowable.
        guard parts.allSatisfy({ cells.number($0) != nil || !cells.isFilled($0) }) else { return }
        let total = parts.reduce(0) { $0 + (cells.number($1) ?? 0) }
        guard actual != total, cells.compare(row, actual, expected: total, context.tolerance) != .equal else { return }
        // The printed value, and the row, are taken out of the table only for a sum that differs.
        let reported = table.rows[row]
        guard let printed = reported.values[column] else { return }
        context.report(table, row: reported, cell: table.cell(reported, column), column: table.column(at: column)?.descriptor,
                       message: message(total, (printed.shown(total), printed.shown(actual))), expected: total, actual: actual,
                       related: parts.map { CellAddress(row: values.sheetRows[$0], column: column) })
    }
}
