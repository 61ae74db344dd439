import CermatWorkbook

/// Reads cells Indonesian-first (DOMAIN §3): `13.401.076.519,00`, `Rp. 44.596.627.447,-`, `(489.909.163)`, `98,15%`,
/// `- 100` (a bullet), `-` (nothing), `10 Dokumen`, `50 Orang, 18 Orang, 68 Lembaga`, `√`. Anything ambiguous or
/// malformed (`1,234,567`, `4.035.693.583.`, `12.34`) is kept as `.malformed` for a rule to report: never guessed.
public enum ValueParser {
    /// The meaning of a cell (`nil` for a cell the sheet does not store) shown with a number format.
    public static func read(_ cell: Cell?, format: NumberFormat, at address: CellAddress) -> TypedValue {
        read(cell?.value ?? .empty, display: format.display, at: address)
    }

    /// The meaning of a cell's value shown as `display` says; `address` is the cell's.
    public static func read(_ value: CellValue, display format: NumberFormat.Display, at address: CellAddress) -> TypedValue {
        switch value {
        case .empty:
            return TypedValue(value: .blank, cell: address, raw: "", decimals: nil, isNumericCell: false)
        case .number(let number):
            return TypedValue(numericCell: number, percent: format.isPercent, cell: address, decimals: format.decimalPlaces,
                              formatGroupsThousands: format.groupsThousands)
        case .string(let text):
            let parsed = parse(text)
            return TypedValue(value: parsed.value, cell: address, raw: text, decimals: parsed.decimals, isNumericCell: false,
                              hadBullet: parsed.bullet)
        case .boolean(let flag):
            return TypedValue(value: .text(flag ? "TRUE" : "FALSE"), cell: address, raw: flag ? "TRUE" : "FALSE",
                              decimals: nil, isNumericCell: false)
        case .error(let code):
            return TypedValue(value: .error(code), cell: address, raw: code, decimals: nil, isNumericCell: false)
        case .date(let iso):
            return TypedValue(value: .text(iso), cell: address, raw: iso, decimals: nil, isNumericCell: false)
        }
    }

    /// Reads a stored cell into a row's values (`read`), a numeric or empty cell in its parts without making the value: a
    /// table holds millions of them.
    public static func read(_ value: CellValue, display format: NumberFormat.Display, at address: CellAddress,
                            into values: inout RowValues) {
        switch value {
        case .empty:
            values.setBlank(address.column)
        case .number(let number):
            values.setNumericCell(address.column, number: number, percent: format.isPercent, decimals: format.decimalPlaces,
                                  formatGroupsThousands: format.groupsThousands)
        default:
            values[address.column] = read(value, display: format, at: address)
        }
        assert(values[address.column] == read(value, display: format, at: address), "a cell read in its parts reads as it is")
    }

    /// Whether text is only a dash ("-", "–", "--"): nothing given, or zero, depending on the column.
    public static func isDash(_ text: String) -> Bool {
        // Dashes are short and begin with a dash or a space: any other text is not one, without normalising it first. An
        // ASCII first byte other than those settles it without looking the character up.
        guard text.utf8.count <= 16, let byte = text.utf8.first,
              byte >= 0x80 || byte == UInt8(ascii: "-") || byte == 0x20 || (0x09...0x0D).contains(byte),
              let first = text.unicodeScalars.first,
              first == "-" || first == "–" || first == "—" || first.properties.isWhitespace else { return false }
        return dashes.contains(Substring(normalizedSpaces(text)))
    }

    /// The meaning of text as printed, the decimals it shows, and whether it began with a bullet.
    public static func parse(_ text: String) -> (value: PlanningValue, decimals: Int?, bullet: Bool) {
        var body = Substring(normalizedSpaces(text))
        if body.isEmpty { return (.blank, nil, false) }
        if dashes.contains(body) { return (.dash, nil, false) }
        if checks.contains(body) { return (.check, nil, false) }
        var bullet = false
        // "- 100" and "• 100": a bullet before a number, not a minus sign (a minus has no space after it).
        if body.count > 2, body.first == "-" || body.first == "•", body.dropFirst().first == " ",
           let next = body.dropFirst(2).first(where: { $0 != " " }), next.isNumber || next == "(" {
            bullet = true
            body = body.dropFirst(2).drop { $0 == " " }
        }
        if let list = list(body) { return (list, nil, bullet) }
        let single = value(body)
        return (single.value, single.decimals, bullet)
    }

    // MARK: - One value

    private static func value(_ text: Substring) -> (value: PlanningValue, decimals: Int?) {
        var body = text
        var negative = false
        if body.hasPrefix("("), body.hasSuffix(")") {
            negative = true
            body = trimmed(body.dropFirst().dropLast())
        }
        if body.lowercased().hasPrefix("rp") {
            body = trimmed(body.dropFirst(2).drop { $0 == "." || $0 == " " })
        }
        for suffix in [",--", ",-", ".-"] where body.hasSuffix(suffix) {
            body = trimmed(body.dropLast(suffix.count))
            break
        }
        if body.first == "-" || body.first == "−" {
            negative.toggle()
            body = trimmed(body.dropFirst())
        }
        var percent = false
        if body.hasSuffix("%") {
            percent = true
            body = trimmed(body.dropLast())
        }
        // The number is the longest prefix of digits, separators and spaces between digits; the rest is a unit.
        var end = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            let char = body[index]
            if char.isASCII && (char.isNumber || char == "." || char == ",") {
                index = body.index(after: index)
                end = index
            } else if char == " ", let next = body[body.index(after: index)...].first(where: { $0 != " " }),
                      next.isASCII, next.isNumber, end > body.startIndex {
                index = body.index(after: index)
            } else {
                break
            }
        }
        let digits = body[body.startIndex..<end]
        let rest = trimmed(body[end...])
        guard let first = digits.first, first.isNumber else { return (.text(String(text)), nil) }
        switch number(digits) {
        case .failure(let reason):
            return (.malformed(String(text), reason), nil)
        case .success(let parsed):
            let signed = negative ? -parsed.value : parsed.value
            if rest.isEmpty {
                return (percent ? .percent(signed) : .number(signed), parsed.decimals)
            }
            guard !percent, isUnit(rest) else { return (.text(String(text)), nil) }
            return (.measured(signed, unit: String(rest)), parsed.decimals)
        }
    }

    /// The number in Indonesian notation (`.` thousands, `,` decimals), or why it cannot be read.
    public static func number(_ text: Substring) -> Result<(value: Double, decimals: Int), MalformedNumber> {
        if text.contains(" ") { return .failure(.splitDigits) }
        let commas = text.filter { $0 == "," }.count
        if commas > 1 { return .failure(.englishSeparators) }
        var integer = text
        var fraction: Substring = ""
        if commas == 1 {
            let comma = text.firstIndex(of: ",")!
            integer = text[..<comma]
            fraction = text[text.index(after: comma)...]
            if fraction.isEmpty { return .failure(.trailingSeparator) }
            if fraction.contains(".") { return .failure(.englishSeparators) }
            if integer.isEmpty { return .failure(.decimalPoint) }
        }
        let dots = integer.filter { $0 == "." }.count
        if integer.hasSuffix(".") { return .failure(.trailingSeparator) }
        if dots > 0 {
            let groups = integer.split(separator: ".", omittingEmptySubsequences: false)
            let wellGrouped = groups.first!.count >= 1 && groups.first!.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }
            if !wellGrouped {
                // One dot and a short tail is an English decimal point ("12.34"); anything else is a bad grouping.
                return .failure(dots == 1 && commas == 0 ? .decimalPoint : .groupLength)
            }
        }
        let digits = String(integer.filter { $0 != "." }) + (fraction.isEmpty ? "" : "." + fraction)
        guard let value = Double(digits) else { return .failure(.groupLength) }
        return .success((value, fraction.count))
    }

    // MARK: - Lists

    // `50 Orang, 18 Orang, 68 Lembaga`, `60, 18, 90, 30`, `4 kruk; 4 kursi roda`, `181 Orang 50 Orang 23 Orang`.
    private static func list(_ text: Substring) -> PlanningValue? {
        var parts: [Substring] = []
        if text.contains(";") || text.contains(", ") || text.contains("\n") {
            parts = splitList(text)
        } else {
            parts = repeatedQuantities(text)
        }
        guard parts.count >= 2 else { return nil }
        var items: [PlanningValue] = []
        for part in parts {
            let item = value(trimmed(part)).value
            switch item {
            case .number, .percent, .measured: items.append(item)
            default:
                if dashes.contains(trimmed(part)) { items.append(.dash) } else { return nil }
            }
        }
        return .list(items)
    }

    private static func splitList(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            let next = text.index(after: index)
            // A comma separates items only when a space follows it; "1,5" is a decimal comma.
            if char == ";" || char == "\n" || (char == "," && next < text.endIndex && text[next] == " ") {
                parts.append(text[start..<index])
                start = next
            }
            index = next
        }
        parts.append(text[start...])
        return parts.map(trimmed).filter { !$0.isEmpty }
    }

    // "181 Orang 50 Orang 23 Orang": a number starts each item.
    private static func repeatedQuantities(_ text: Substring) -> [Substring] {
        let words = text.split(separator: " ")
        guard words.count >= 4 else { return [] }
        var parts: [Substring] = []
        var current: [Substring] = []
        for word in words {
            if word.first?.isNumber == true, !current.isEmpty {
                guard current.count >= 2 else { return [] }
                parts.append(Substring(current.joined(separator: " ")))
                current = []
            }
            current.append(word)
        }
        guard current.count >= 2 else { return [] }
        parts.append(Substring(current.joined(separator: " ")))
        return parts
    }

    // MARK: - Helpers

    private static let dashes: Set<Substring> = ["-", "–", "—", "--", "- -"]
    private static let checks: Set<Substring> = ["√", "✓", "✔", "☑"]

    private static func isUnit(_ text: Substring) -> Bool {
        guard let first = text.first, first.isLetter else { return false }
        return text.allSatisfy { $0.isLetter || $0 == " " || $0 == "/" || $0 == "." || $0 == "(" || $0 == ")" || $0 == "+"
            || $0 == "-" || $0.isNumber }
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let start = text.firstIndex { $0 != " " } ?? text.endIndex
        let end = text.lastIndex { $0 != " " }.map { text.index(after: $0) } ?? start
        return text[start..<max(start, end)]
    }

    // Non-breaking and other spaces become plain spaces; runs of spaces collapse; tabs and CR go. Newlines stay (lists).
    private static func normalizedSpaces(_ text: String) -> String {
        var out = ""
        var lastSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                while out.hasSuffix(" ") { out.removeLast() }
                out.unicodeScalars.append(scalar)
                lastSpace = true
            } else if scalar.properties.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastSpace = false
            }
        }
        return String(trimmed(Substring(out)).drop { $0 == "\n" })
    }
}
