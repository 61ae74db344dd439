import CermatPlanning
import Yams

/// One file of `rules/forms/`.
enum FormFile {
    static func load(_ path: String) throws(KnowledgeError) -> TableForm {
        let root = try YAMLFile.mapping(path)
        try YAMLFile.checkKeys(root, allowed: ["id", "name", "document", "recognise", "columns", "derived", "baseline-years"],
                               in: path,
                               at: "the form")
        let id = try YAMLFile.string(root, "id", in: path)!
        guard let recognise = root["recognise"]?.mapping else {
            throw KnowledgeError(file: path, "'recognise' is missing or not a mapping")
        }
        try YAMLFile.checkKeys(recognise, allowed: ["all", "any", "none", "minimum-any"], in: path, at: "'recognise'")
        let signature = TableForm.Signature(
            all: try YAMLFile.strings(recognise, "all", in: path).map { $0.lowercased() },
            any: try YAMLFile.strings(recognise, "any", in: path).map { $0.lowercased() },
            none: try YAMLFile.strings(recognise, "none", in: path).map { $0.lowercased() },
            minimumAny: recognise["minimum-any"]?.int ?? 0)
        var columns: [ColumnRule] = []
        for node in root["columns"]?.sequence ?? [] { columns.append(try YAMLFile.columnRule(node, in: path)) }
        var derived: [TableForm.DerivedRule] = []
        for text in try YAMLFile.strings(root, "derived", in: path) { derived.append(try derivedRule(text, in: path)) }
        return TableForm(id: id, name: try YAMLFile.string(root, "name", in: path)!,
                         document: try YAMLFile.string(root, "document", in: path)!, signature: signature,
                         columns: columns, derived: derived, baselineYears: root["baseline-years"]?.bool ?? false)
    }

    // "capaian/%/tahun = realisasi/K/tahun / target/K/tahun * 100": operators are separated by spaces from descriptors.
    static func derivedRule(_ text: String, in path: String) throws(KnowledgeError) -> TableForm.DerivedRule {
        let sides = text.split(separator: "=", maxSplits: 1).map { TextKey.trimmed($0) }
        guard sides.count == 2, !sides[0].contains(" ") else {
            throw KnowledgeError(file: path, "derived '\(text)' must read 'descriptor = expression'")
        }
        var operands: [ColumnDescriptor] = []
        var rewritten = ""
        for token in sides[1].split(separator: " ") {
            if ["+", "-", "*", "/", "(", ")"].contains(String(token)) || Double(token) != nil {
                rewritten += String(token)
            } else {
                let descriptor = ColumnDescriptor(String(token))
                let index = operands.firstIndex(of: descriptor) ?? operands.count
                if index == operands.count { operands.append(descriptor) }
                // Operands become column numbers 1, 2, … so that ColumnExpression.parse reads them; 100 stays a constant.
                rewritten += String(index + 1)
            }
        }
        guard let expression = ColumnExpression.parse(rewritten)?.mapColumns({ $0 - 1 }) else {
            throw KnowledgeError(file: path, "derived '\(text)': the expression cannot be read")
        }
        return TableForm.DerivedRule(target: ColumnDescriptor(sides[0]), operands: operands, expression: expression, text: text)
    }
}
