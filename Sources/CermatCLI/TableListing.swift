import CermatReporting
import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// The `inspect --tables` report: every recognised table with its range, form, columns, derived columns and rows.
struct TableListing {
    let document: PlanningDocument
    let knowledge: KnowledgeBase

    /// The report as text.
    func render() -> String {
        var out = ""
        for (number, table) in document.tables.enumerated() {
            out += "\n" + render(table, number: number + 1)
        }
        for sheet in document.unrecognised {
            out += "\nsheet '\(sheet.sheet)': no table recognised: \(sheet.reason)\n"
        }
        return out.isEmpty ? "\nno sheet holds data\n" : out
    }

    private func render(_ table: PlanningTable, number: Int) -> String {
        let formName = table.form.flatMap { id in knowledge.form(id).map { "form \(id) (\($0.name))" } } ?? "no form (read by its headers)"
        var out = "table \(number) on sheet '\(table.sheet)', \(table.range.a1), \(formName)\n"
        for line in table.title { out += "  title: \(line)\n" }
        if let classification = table.classification {
            out += "  document: \(classification.label) (\(classification.evidence.joined(separator: "; ")))\n"
        }
        var layout = "  header rows \(table.headerRows.lowerBound + 1)-\(table.headerRows.upperBound + 1)"
        if let numberRow = table.numberRow { layout += ", column-number row \(numberRow + 1)" }
        if !table.repeatedHeaderRows.isEmpty {
            layout += ", repeated header rows \(Self.ranges(table.repeatedHeaderRows.map { $0 + 1 }))"
        }
        out += layout + "\n  columns:\n"
        var rows: [[String]] = []
        for column in table.columns {
            rows.append(["    " + CellAddress.columnName(column.index), column.number ?? "", column.descriptor.description,
                         column.header.joined(separator: " › ")])
        }
        out += TextTable.render(rows)
        if !table.derivations.isEmpty {
            out += "  derived:\n"
            for derivation in table.derivations {
                let source: String
                switch derivation.source {
                case .numberRow: source = "column-number row"
                case .form(let id): source = "form \(id)"
                }
                out += "    \(CellAddress.columnName(derivation.target)) = \(Self.letters(derivation.expression))   (\(derivation.text), \(source))\n"
            }
        }
        for layout in table.rowLayouts {
            let moves = layout.moves.map { move in
                "\(CellAddress.columnName(move.printedIn)) \(move.repeats ? "repeats" : "means") \(CellAddress.columnName(move.means))"
            }
            out += "  \(layout.level.rawValue) rows in their own column order (\(Plural.count(layout.rows.count, "row"))): "
                + moves.joined(separator: ", ") + "\n"
        }
        let counts = Dictionary(grouping: table.rows, by: \.level).mapValues(\.count)
        let levels = RowLevel.allCases.compactMap { level in counts[level].map { "\($0) \(level.rawValue)" } }
        let joined = table.rows.reduce(0) { $0 + $1.continuationRows.count }
        out += "  rows: \(levels.joined(separator: ", "))"
        out += joined > 0 ? "; \(Plural.count(joined, "continuation row")) joined to the row above\n" : "\n"
        for remark in table.remarks { out += "  remark: \(remark)\n" }
        return out
    }

    /// The hierarchy of a table, one row per line, indented by level.
    static func hierarchy(_ table: PlanningTable) -> String {
        var out = ""
        for row in table.rows {
            let depth: Int
            switch row.level {
            case .kegiatan, .sasaran: depth = 1
            case .subKegiatan, .indicator: depth = 2
            default: depth = 0
            }
            let label = [row.kode, row.name ?? row.indicator].compactMap { $0 }.joined(separator: " ")
            out += "  \(String(repeating: "  ", count: depth))row \(row.sheetRow + 1) \(row.level.rawValue): \(label.prefix(90))\n"
        }
        return out
    }

    // "U" for the column, operators spelled out: S / I × 100.
    static func letters(_ expression: ColumnExpression) -> String {
        switch expression {
        case .column(let index): return CellAddress.columnName(index)
        case .constant(let number): return number == number.rounded() ? String(Int(number)) : String(number)
        case .sum(let a, let b): return "\(letters(a)) + \(letters(b))"
        case .difference(let a, let b): return "\(letters(a)) − \(letters(b))"
        case .product(let a, let b): return "(\(letters(a))) × \(letters(b))"
        case .quotient(let a, let b): return "\(letters(a)) / \(letters(b))"
        }
    }

    // 5,6,7,30,31 → "5-7, 30-31".
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start = numbers.first
        var previous = numbers.first
        for number in numbers.dropFirst() + [Int.min] {
            if let last = previous, number == last + 1 { previous = number; continue }
            if let first = start, let last = previous { parts.append(first == last ? "\(first)" : "\(first)-\(last)") }
            start = number
            previous = number
        }
        return parts.joined(separator: ", ")
    }
}
