import CermatPlanning

/// What a number printed out of the Indonesian convention was probably meant to be: its possible readings, and the one
/// the table's own arithmetic confirms (a formula of the row, the sum of a parent's children).
struct NumberReading {
    /// The table the value sits in.
    let table: PlanningTable
    /// The tolerance to compare printed values with.
    let tolerance: Tolerance

    /// The values a malformed text may stand for, most likely first (each an Indonesian reading of a repaired text).
    static func candidates(_ raw: String, _ reason: MalformedNumber) -> [Double] {
        var texts: [String] = []
        let body = Array(raw)
        switch reason {
        case .trailingSeparator:
            // `4.035.693.583.` / `1.234,`: the last separator after the last digit goes.
            if let last = body.lastIndex(where: { $0.isNumber }), last + 1 < body.count, ".,".contains(body[last + 1]) {
                texts.append(String(body[...last]) + String(body[(last + 2)...]))
            }
        case .englishSeparators:
            texts.append(String(raw.map { $0 == "," ? "." : $0 == "." ? "," : $0 }))
        case .decimalPoint:
            texts.append(String(raw.map { $0 == "." ? "," : $0 }))
            texts.append(raw.replacingOccurrences(of: ".", with: ""))
        case .groupLength:
            texts += regroupings(raw)
        case .splitDigits:
            let joined = raw.replacingOccurrences(of: " ", with: "")
            if case .malformed(_, let again) = ValueParser.parse(joined).value, again != .splitDigits {
                return candidates(joined, again)
            }
            texts.append(joined)
            let pieces = raw.split(separator: " ")
            texts.append(pieces.dropLast().joined(separator: " "))
        }
        var values: [Double] = []
        for text in texts {
            guard let value = ValueParser.parse(text).value.number, !values.contains(value) else { continue }
            values.append(value)
        }
        return values
    }

    // `2.754.6000`, `860.400.00`: a thousands group of the wrong length lost or gained a digit, ended a number whose
    // decimals were typed after a dot, or the dots are misplaced altogether.
    private static func regroupings(_ raw: String) -> [String] {
        guard let start = raw.firstIndex(where: \.isNumber), let end = raw.lastIndex(where: \.isNumber) else { return [] }
        let head = String(raw[..<start]), tail = String(raw[raw.index(after: end)...])
        let groups = raw[start...end].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var texts: [String] = []
        for (index, group) in groups.enumerated() where index > 0 && group.count != 3 && group.allSatisfy(\.isNumber) {
            var variants: [String] = []
            if group.count > 3 {
                for drop in group.indices { var shorter = group; shorter.remove(at: drop); variants.append(shorter) }
            } else {
                variants += [group + String(repeating: "0", count: 3 - group.count), String(repeating: "0", count: 3 - group.count) + group]
            }
            for variant in variants where variant.count == 3 {
                var mended = groups
                mended[index] = variant
                texts.append(head + mended.joined(separator: ".") + tail)
            }
            if index == groups.count - 1, group.count <= 2 {
                texts.append(head + groups.dropLast().joined(separator: ".") + "," + group + tail)
            }
        }
        texts.append(head + groups.joined() + tail)
        return texts
    }

    /// The first candidate that makes an identity of the table hold with the others left as printed, and which identity.
    func confirmed(_ candidates: [Double], row index: Int, column: Int) -> (value: Double, identity: (id: String, en: String))? {
        for candidate in candidates {
            if let identity = holds(candidate, row: index, column: column) { return (candidate, identity) }
        }
        return nil
    }

    // Whether a derivation of the row, or the money sum the row takes part in, holds with `value` in `column`.
    private func holds(_ value: Double, row index: Int, column: Int) -> (id: String, en: String)? {
        let row = Self.replacing(table.rows[index], column, value)
        for derivation in table.derivations where derivation.target == column || derivation.expression.columns.contains(column) {
            guard let printed = row.values[derivation.target], let actual = printed.value.number,
                  let expected = derivation.value(in: row, of: table),
                  tolerance.compare(printed, actual, expected: expected) == .equal else { continue }
            let formula = DerivationCheck.formula(derivation, table)
            return ("cocok dengan rumus kolom \(table.column(at: derivation.target)?.number ?? "") = \(formula.id)",
                    "agrees with the formula column \(table.column(at: derivation.target)?.number ?? "") = \(formula.en)")
        }
        guard table.column(at: column)?.descriptor.measure == "Rp" else { return nil }
        var rows = table.rows
        rows[index] = row
        var changed = table
        changed.rows = rows
        let children = MoneySum.children(of: index, in: changed)
        if !children.isEmpty, Self.sums(row, children, column) {
            return ("sama dengan jumlah baris di bawahnya", "equals the sum of the rows below it")
        }
        if let parent = row.parent, [.program, .kegiatan].contains(changed.rows[parent].level) {
            let siblings = MoneySum.children(of: parent, in: changed)
            if siblings.contains(where: { $0.sheetRow == row.sheetRow }), Self.sums(changed.rows[parent], siblings, column) {
                return ("membuat jumlah baris induknya cocok", "makes its parent row's sum agree")
            }
        }
        return nil
    }

    private static func sums(_ parent: PlanningRow, _ parts: [PlanningRow], _ column: Int) -> Bool {
        guard let total = parent.number(column), parts.allSatisfy({ $0.number(column) != nil || ($0.values[column]?.value.isEmpty ?? true) })
        else { return false }
        return abs(parts.reduce(0) { $0 + ($1.number(column) ?? 0) } - total) < 0.5
    }

    /// The row with one cell holding `value` instead of what it printed.
    static func replacing(_ row: PlanningRow, _ column: Int, _ value: Double) -> PlanningRow {
        var changed = row
        if var cell = changed.values[column] {
            cell.value = .number(value)
            changed.values[column] = cell
        }
        return changed
    }
}
