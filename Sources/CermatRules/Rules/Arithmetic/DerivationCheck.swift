import CermatPlanning
import CermatWorkbook

/// The check behind every derived-column rule: each derived cell must equal its expression over the row's other cells.
///
/// The rules that use it differ only in which derived columns they own (a capaian, a cumulative sum, a sisa…). A value
/// that is off by one in its last printed digit is reported at info severity (CAL06: truncated, not rounded); a value
/// that equals what the neighbouring column should hold is left to `column-shift`; and a capaian that matches another
/// formula of the same columns (13 = 14/7 instead of 12/7) says so.
struct DerivationCheck {
    /// Which derivations a rule owns.
    let owns: (Derivation, PlanningTable) -> Bool
    /// Whether a row is subject to the derivation (a cumulative sum of a percentage indicator is not).
    var applies: (PlanningRow, Derivation, PlanningTable) -> Bool = { _, _, _ in true }

    func run(_ table: PlanningTable, _ context: RuleContext) {
        // Every row's cells compared from the table's columns (`ValueColumns`); a row is read only where they differ.
        let values = ValueColumns.of(table, in: context)
        let rows = values.dataRows
        for derivation in table.derivations where owns(derivation, table) {
            guard let target = values[derivation.target] else { continue }
            let hundred = derivation.scalesByHundred(in: table)
            for index in rows {
                guard let actual = target.number(index), let expected = values.value(of: derivation, hundred: hundred, row: index),
                      target.compare(index, actual, expected: expected, context.tolerance) != .equal else { continue }
                let row = table.rows[index]
                if applies(row, derivation, table) { check(row, derivation, table, context) }
            }
        }
    }

    private func check(_ row: PlanningRow, _ derivation: Derivation, _ table: PlanningTable, _ context: RuleContext) {
        guard let printed = row.values[derivation.target], let actual = printed.value.number,
              let expected = derivation.value(in: row, of: table) else { return }
        let outcome = context.tolerance.compare(printed, actual, expected: expected)
        guard outcome != .equal else { return }
        // A value sitting one column off (E-81 program rows print column 15 in another order) is a shift, not a sum.
        if Self.isShifted(row, derivation, table, context) { return }
        let target = table.columnLabel(derivation.target)
        let shownActual = printed.shown(actual)
        let shownExpected = printed.shown(expected)
        let formula = Self.formula(derivation, table)
        var message = Message(
            id: "\(target.id) bernilai \(shownActual.id), seharusnya \(shownExpected.id) = \(formula.id)",
            en: "\(target.en) is \(shownActual.en), should be \(shownExpected.en) = \(formula.en)")
        if outcome == .lastDigit {
            message.id += " (hanya digit terakhir berbeda: dibulatkan ke bawah?)"
            message.en += " (only the last digit differs: truncated instead of rounded?)"
        } else if let alternative = Self.alternative(derivation, row, table, actual: actual, printed: printed, context) {
            message.id += "; nilai tercetak sama dengan \(alternative.id)"
            message.en += "; the printed value equals \(alternative.en)"
        }
        context.report(table, row: row, cell: table.cell(row, derivation.target),
                       column: table.column(at: derivation.target)?.descriptor, message: message, expected: expected,
                       actual: actual, related: derivation.expression.columns.map { table.cell(row, $0) },
                       severity: outcome == .lastDigit ? .info : nil)
    }

    /// Whether the printed value is what a neighbouring derived column should hold (a column shift on this row).
    static func isShifted(_ row: PlanningRow, _ derivation: Derivation, _ table: PlanningTable, _ context: RuleContext) -> Bool {
        for neighbour in [derivation.target - 1, derivation.target + 1] {
            guard let printed = row.values[derivation.target], let actual = printed.value.number else { continue }
            for other in table.derivations where other.target == neighbour {
                if let expected = other.value(in: row, of: table), context.tolerance.compare(printed, actual, expected: expected) != .different {
                    return true
                }
            }
        }
        return false
    }

    // The formula with column numbers and values: "(12/7) × 100 = 24 / 12 × 100".
    static func formula(_ derivation: Derivation, _ table: PlanningTable) -> (id: String, en: String) {
        func name(_ column: Int) -> String {
            table.column(at: column)?.number ?? CellAddress.columnName(column)
        }
        func render(_ expression: ColumnExpression) -> String {
            switch expression {
            case .column(let index): return name(index)
            case .constant(let value): return value == value.rounded() ? String(Int(value)) : String(value)
            case .sum(let a, let b): return "\(render(a)) + \(render(b))"
            case .difference(let a, let b): return "\(render(a)) − \(render(b))"
            case .product(let a, let b): return "(\(render(a))) × \(render(b))"
            case .quotient(let a, let b): return "\(render(a)) / \(render(b))"
            }
        }
        let text = render(derivation.expression)
        let percent = table.column(at: derivation.target)?.descriptor.measure == "%" && !derivation.expression.scalesToPercent
            && { if case .quotient = derivation.expression { return true } else { return false } }()
        return (text + (percent ? " × 100" : ""), text + (percent ? " × 100" : ""))
    }

    // Another column of the same role and measure in place of an operand (a cumulative realisation for the year's):
    // when that reproduces the printed value, the table used the wrong column.
    static func alternative(_ derivation: Derivation, _ row: PlanningRow, _ table: PlanningTable, actual: Double,
                            printed: TypedValue, _ context: RuleContext) -> (id: String, en: String)? {
        for operand in Set(derivation.expression.columns) {
            guard let descriptor = table.column(at: operand)?.descriptor else { continue }
            for candidate in table.columns where candidate.index != operand && candidate.index != derivation.target
                && candidate.descriptor.role == descriptor.role && candidate.descriptor.measure == descriptor.measure {
                guard let swapped = derivation.expression.mapColumns({ $0 == operand ? candidate.index : $0 }) else { continue }
                var changed = derivation
                changed.expression = swapped
                guard let value = changed.value(in: row, of: table),
                      context.tolerance.compare(printed, actual, expected: value) == .equal else { continue }
                let text = formula(changed, table)
                let original = table.columnLabel(operand)
                let used = table.columnLabel(candidate.index)
                return ("\(text.id) (memakai \(used.id) alih-alih \(original.id))",
                        "\(text.en) (using \(used.en) instead of \(original.en))")
            }
        }
        return nil
    }
}
