/// A number format code and what it means for reading a number: percent, date, decimals shown.
public struct NumberFormat: Hashable, Sendable {
    /// The format code, e.g. `0.00%` or `#,##0`; `General` when none is set.
    public let code: String
    /// The `numFmtId` the workbook used (built-in ids are below 164).
    public let id: Int
    /// Whether a number shown with this format is multiplied by 100 and shown with `%`.
    public let isPercent: Bool
    /// Whether a number shown with this format is a date or time serial.
    public let isDate: Bool
    /// Digits shown after the decimal separator in the positive section; `nil` for `General` (as many as needed).
    public let decimalPlaces: Int?
    /// Whether the positive section groups thousands (`#,##0`, `0,0`), quoted text aside.
    public let groupsThousands: Bool

    /// How the format shows a number, without its code: what reading a number needs, copied without retaining a text.
    public struct Display: Hashable, Sendable {
        /// Whether a number is multiplied by 100 and shown with `%`.
        public let isPercent: Bool
        /// Digits shown after the decimal separator; `nil` for as many as needed.
        public let decimalPlaces: Int?
        /// Whether thousands are grouped.
        public let groupsThousands: Bool
    }

    /// How the format shows a number.
    public var display: Display {
        Display(isPercent: isPercent, decimalPlaces: decimalPlaces, groupsThousands: groupsThousands)
    }

    /// The format every cell has unless a style says otherwise.
    public static let general = NumberFormat(id: 0, code: "General")

    /// A format from its id and code; the flags are derived from the code.
    public init(id: Int, code: String) {
        self.id = id
        self.code = code
        let section = NumberFormat.firstSection(of: code)
        let literal = NumberFormat.stripLiterals(section)
        isPercent = literal.contains("%")
        isDate = NumberFormat.looksLikeDate(literal)
        if code.lowercased() == "general" || code.isEmpty || code == "@" {
            decimalPlaces = nil
        } else if let dot = literal.firstIndex(of: ".") {
            decimalPlaces = literal[literal.index(after: dot)...].prefix { "0#?".contains($0) }.count
        } else {
            decimalPlaces = 0
        }
        groupsThousands = literal.contains("#,#") || literal.contains("0,0") || literal.contains("#,0")
    }

    /// The built-in format for an id, as ECMA-376 §18.8.30 lists them (the codes openpyxl reports too).
    public static func builtIn(_ id: Int) -> NumberFormat? {
        guard let code = builtInCodes[id] else { return nil }
        return NumberFormat(id: id, code: code)
    }

    static let builtInCodes: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        5: "\"$\"#,##0_);(\"$\"#,##0)", 6: "\"$\"#,##0_);[Red](\"$\"#,##0)",
        7: "\"$\"#,##0.00_);(\"$\"#,##0.00)", 8: "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
        20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
        40: "#,##0.00_);[Red](#,##0.00)",
        41: "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
        42: "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)",
        43: "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
        44: "_(\"$\"* #,##0.00_)_(\"$\"* \\(#,##0.00\\)_(\"$\"* \"-\"??_)_(@_)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]

    private static func firstSection(of code: String) -> Substring {
        var inQuote = false
        var escaped = false
        for index in code.indices {
            let char = code[index]
            if escaped { escaped = false; continue }
            if char == "\\" { escaped = true; continue }
            if char == "\"" { inQuote.toggle(); continue }
            if char == ";" && !inQuote { return code[..<index] }
        }
        return code[...]
    }

    // Removes quoted text, escaped characters, `_x` padding and `*x` fills, and bracketed parts except elapsed-time
    // tokens ([h], [mm], [ss]), so that only the format's own tokens remain.
    private static func stripLiterals(_ section: Substring) -> String {
        var out = ""
        var iterator = section.makeIterator()
        while let char = iterator.next() {
            switch char {
            case "\"":
                while let next = iterator.next(), next != "\"" {}
            case "\\", "_", "*":
                _ = iterator.next()
            case "[":
                var inner = ""
                while let next = iterator.next(), next != "]" { inner.append(next) }
                let lowered = inner.lowercased()
                if !lowered.isEmpty, lowered.allSatisfy({ "hms".contains($0) }) { out += lowered }
            default:
                out.append(char)
            }
        }
        return out
    }

    private static func looksLikeDate(_ literal: String) -> Bool {
        if literal.lowercased() == "general" { return false }
        return literal.lowercased().contains { "dmyhs".contains($0) }
    }
}
