import CermatPlanning

/// Finds the levels whose rows print the sub-columns of a derived group in another order than the header's (E-81's
/// program rows: `K | Kr | Rp%` under `K | Rp% | Rp=14`) and reads those rows by their own order.
///
/// A value "means" another sub-column when it equals what that sub-column's formula gives and not what its own gives.
/// Only moves inside one numbered group count, and only when most rows of a level that show the group make them: a
/// single row out of order is left as printed, for the `column-shift` rule to report.
struct RowLayoutResolver {
    private let tolerance = Tolerance()

    func resolve(_ table: PlanningTable) -> PlanningTable {
        var table = table
        // Only a group with two derived sub-columns can be printed in another order.
        let groups = table.derivations.compactMap { Self.group(of: $0.target, in: table) }
        guard Set(groups).count < groups.count else { return table }
        for level in Set(table.rows.filter(\.isData).map(\.level)).sorted() {
            let indices = table.rows.indices.filter { table.rows[$0].level == level }
            guard let layout = layout(of: indices.map { table.rows[$0] }, level: level, in: table) else { continue }
            var applied: [Int] = []
            for index in indices {
                let original = table.rows[index]
                let values = place(original, layout.moves, in: table)
                if values != original.values {
                    table.rows[index].values = values
                    applied.append(original.sheetRow)
                }
            }
            if !applied.isEmpty { table.rowLayouts.append(RowLayout(level: level, moves: layout.moves, rows: applied)) }
        }
        return table
    }

    // The moves most rows of a level make, if any.
    private func layout(of rows: [PlanningRow], level: RowLevel, in table: PlanningTable) -> RowLayout? {
        var moved: [RowLayout.Move: Int] = [:]
        var fitting: [Int: Int] = [:]
        for row in rows {
            for derivation in table.derivations {
                let column = derivation.target
                guard let printed = row.values[column], let actual = printed.value.number else { continue }
                if fits(printed, actual, column, row, table) {
                    fitting[column, default: 0] += 1
                    continue
                }
                let group = Self.group(of: column, in: table)
                let meanings = Set(table.derivations.filter { other in
                    other.target != column && group != nil && Self.group(of: other.target, in: table) == group
                        && matches(printed, actual, other, row, table)
                }.map(\.target))
                guard meanings.count == 1, let means = meanings.first else { continue }
                let repeats = row.values[means].map { own in
                    own.value.number.map { tolerance.compare(own, $0, expected: actual) != .different } ?? false
                } ?? false
                moved[RowLayout.Move(printedIn: column, means: means, repeats: repeats), default: 0] += 1
            }
        }
        let moves = moved.filter { move, count in count >= 2 && count >= 2 * fitting[move.printedIn, default: 0] }.keys
            .sorted { $0.printedIn < $1.printedIn }
        // Two readings of one printed column cannot both hold.
        guard !moves.isEmpty, Set(moves.map(\.printedIn)).count == moves.count else { return nil }
        return RowLayout(level: level, moves: moves, rows: [])
    }

    // The row's values with each moved value under the column whose meaning it has; a row whose printed column already
    // fits its own meaning keeps it.
    private func place(_ row: PlanningRow, _ moves: [RowLayout.Move], in table: PlanningTable) -> RowValues {
        var values = row.values
        let applicable = moves.filter { move in
            guard let printed = row.values[move.printedIn], let actual = printed.value.number else { return false }
            return !fits(printed, actual, move.printedIn, row, table)
        }
        let vacated = Set(applicable.map(\.printedIn))
        for move in applicable { values[move.printedIn] = nil }
        for move in applicable where !move.repeats {
            let occupied = row.values[move.means].map { own in
                !vacated.contains(move.means) && own.value.number.map { fits(own, $0, move.means, row, table) } == true
            } ?? false
            if !occupied { values[move.means] = row.values[move.printedIn] }
        }
        return values
    }

    // The numbered group a column belongs to ("15"), or without a number row its top header line.
    private static func group(of column: Int, in table: PlanningTable) -> String? {
        guard let described = table.column(at: column) else { return nil }
        return described.number ?? (described.header.count > 1 ? described.header.first : nil)
    }

    private func fits(_ printed: TypedValue, _ actual: Double, _ column: Int, _ row: PlanningRow, _ table: PlanningTable) -> Bool {
        table.derivations.contains { $0.target == column && matches(printed, actual, $0, row, table) }
    }

    private func matches(_ printed: TypedValue, _ actual: Double, _ derivation: Derivation, _ row: PlanningRow,
                         _ table: PlanningTable) -> Bool {
        guard let expected = derivation.value(in: row, of: table) else { return false }
        return tolerance.compare(printed, actual, expected: expected) != .different
    }
}
