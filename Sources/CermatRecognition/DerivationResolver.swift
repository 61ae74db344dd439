import CermatKnowledge
import CermatPlanning

/// Turns the formulas a table states in its number row, and those its form declares, into derivations over sheet columns.
struct DerivationResolver {
    let columns: [PlanningColumn]
    let numberRow: NumberRow?
    let form: TableForm?

    /// The derivations, and the number row's formulas that name columns the header lacks.
    func resolve() -> (derivations: [Derivation], unresolved: [NumberRow.Statement]) {
        var result: [Derivation] = []
        var unresolved: [NumberRow.Statement] = []
        let statements = numberRow?.statements ?? []
        for statement in statements {
            // A group's formula leaves alone the sub-columns its own "Rp=14"-style statements claim.
            let claimed = statement.subColumn == nil
                ? Set(statements.filter { $0.group == statement.group }.compactMap(\.subColumn)) : []
            let resolved = resolve(statement, except: claimed)
            if resolved.isEmpty { unresolved.append(statement) }
            result += resolved
        }
        // The table's own number row is what its authors meant; the form fills in only columns it leaves underived.
        let stated = Set(result.map(\.target))
        for rule in form?.derived ?? [] {
            for target in columns where target.descriptor == rule.target && !stated.contains(target.index) {
                let operands = rule.operands.map { descriptor in columns.first { $0.descriptor == descriptor }?.index }
                guard operands.allSatisfy({ $0 != nil }),
                      let expression = rule.expression.mapColumns({ operands[$0] }),
                      !result.contains(where: { $0.target == target.index && $0.expression == expression }) else { continue }
                result.append(Derivation(target: target.index, expression: expression, text: rule.text,
                                         source: .form(form!.id)))
            }
        }
        return (result, unresolved)
    }

    // "13=(12/7)*100%" applies to each sub-column of group 13, reading the sub-columns of 12 and 7 with the same measure;
    // "Rp=14" applies to the Rp sub-column of its group only.
    private func resolve(_ statement: NumberRow.Statement, except claimed: Set<String>) -> [Derivation] {
        let group = columns.filter { $0.number == statement.group }
        var result: [Derivation] = []
        for target in group {
            let label = target.header.last.map(TextKey.header) ?? ""
            if let sub = statement.subColumn {
                guard group.count > 1, label == sub || label.hasPrefix(sub + "=") else { continue }
            } else if group.count > 1, claimed.contains(label) || label.hasPrefix("rp=") {
                continue
            }
            let money = ["pagu", "realisasi-anggaran", "penyerapan", "sisa", "selisih"].contains(target.descriptor.role)
                || target.descriptor.measure == "Rp"
            let expression = statement.expression.mapColumns { number in
                let operands = columns.filter { $0.number == String(number) }
                if operands.count == 1 { return operands[0].index }
                return operands.first { money ? $0.descriptor.measure == "Rp" : $0.descriptor.measure == "K" }?.index
            }
            guard let expression else { continue }
            result.append(Derivation(target: target.index, expression: expression, text: statement.text, source: .numberRow))
        }
        return result
    }
}
