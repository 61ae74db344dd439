import CermatPlanning

/// A scale of `rules/scales/`: the labels a capaian earns (Sangat Tinggi…Sangat Rendah, Memuaskan…Kurang, AA…D), or the
/// two or three categories of a target met or not (TERPENUHI / BELUM TERPENUHI), each class an interval of percent.
public struct Scale: Sendable {
    /// One end of an interval.
    public struct Bound: Hashable, Sendable {
        /// Where it lies.
        public var value: Double
        /// Whether the value itself belongs to the interval (`≥ 91`, `≤ 50`) or not (`> 90`, `< 91`).
        public var inclusive: Bool

        /// A bound.
        public init(_ value: Double, inclusive: Bool) {
            self.value = value
            self.inclusive = inclusive
        }
    }

    /// An interval of values: either end may be open (no bound).
    public struct Interval: Hashable, Sendable {
        /// The lower end, if any.
        public var lower: Bound?
        /// The upper end, if any.
        public var upper: Bound?

        /// An interval.
        public init(lower: Bound?, upper: Bound?) {
            self.lower = lower
            self.upper = upper
        }

        /// Whether a value lies in the interval.
        public func contains(_ value: Double) -> Bool {
            if let lower, value < lower.value || (value == lower.value && !lower.inclusive) { return false }
            if let upper, value > upper.value || (value == upper.value && !upper.inclusive) { return false }
            return true
        }

        /// An interval as a scale table prints it: `≥ 100`, `86 ≤ 100` (86 ≤ x ≤ 100), `76 ≤ x < 91`, `> 90 – 100`,
        /// `91 - 100`, `≤ 55`, `< 50`; `nil` for text that is not one.
        public init?(printed text: String) {
            var tokens: [String] = []
            var number = ""
            func flush() {
                if !number.isEmpty { tokens.append(number) }
                number = ""
            }
            for char in text.lowercased() {
                switch char {
                case "0"..."9", ",", ".": number.append(char)
                case "≥": flush(); tokens.append(">=")
                case "≤": flush(); tokens.append("<=")
                case ">", "<": flush(); tokens.append(String(char))
                case "=": flush(); if let last = tokens.last, last == ">" || last == "<" { tokens[tokens.count - 1] += "=" } else { return nil }
                case "-", "–", "—": flush(); tokens.append("-")
                case " ", "x", "%": flush()
                default: return nil
                }
            }
            flush()
            func value(_ token: String) -> Double? {
                guard token.first?.isNumber == true else { return nil }
                return Double(token.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
            }
            func lower(_ op: String, _ bound: Double) -> Bound { Bound(bound, inclusive: op != ">" && op != "<") }
            switch tokens.count {
            case 2:
                guard let bound = value(tokens[1]) else { return nil }
                switch tokens[0] {
                case ">=", ">": self.init(lower: lower(tokens[0], bound), upper: nil)
                case "<=", "<": self.init(lower: nil, upper: lower(tokens[0], bound))
                default: return nil
                }
            case 3:
                // "86 ≤ 100", "91 - 100", "76 < 91": the first number is included, the second as its sign says.
                guard let from = value(tokens[0]), let to = value(tokens[2]), ["<=", "<", "-"].contains(tokens[1]) else { return nil }
                self.init(lower: Bound(from, inclusive: true), upper: Bound(to, inclusive: tokens[1] != "<"))
            case 4:
                // "76 ≤ x < 91" (x dropped), "> 90 – 100", "≥ 91 - 100".
                if let from = value(tokens[0]), let to = value(tokens[3]), ["<=", "<"].contains(tokens[1]), ["<=", "<"].contains(tokens[2]) {
                    self.init(lower: Bound(from, inclusive: tokens[1] == "<="), upper: Bound(to, inclusive: tokens[2] == "<="))
                } else if let from = value(tokens[1]), let to = value(tokens[3]), [">", ">="].contains(tokens[0]), tokens[2] == "-" {
                    self.init(lower: lower(tokens[0], from), upper: Bound(to, inclusive: true))
                } else {
                    return nil
                }
            default:
                return nil
            }
            if let lower = self.lower, let upper = self.upper, lower.value > upper.value { return nil }
        }

        /// The interval as a person writes it: `76 – <91`, `≥ 100`, `≤ 55`, `>90 – 100`.
        public var text: String {
            func number(_ value: Double) -> String {
                value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
            }
            switch (lower, upper) {
            case (nil, nil): return "semua nilai"
            case (let lower?, nil): return (lower.inclusive ? "≥ " : "> ") + number(lower.value)
            case (nil, let upper?): return (upper.inclusive ? "≤ " : "< ") + number(upper.value)
            case (let lower?, let upper?):
                return (lower.inclusive ? "" : ">") + number(lower.value) + " – " + (upper.inclusive ? "" : "<") + number(upper.value)
            }
        }
    }

    /// Where a category class lies relative to the threshold.
    public enum Relation: String, Hashable, Sendable, CaseIterable {
        /// At or above the threshold (target met).
        case atLeast = "at-least"
        /// Strictly above it (target exceeded).
        case above
        /// At or below it.
        case atMost = "at-most"
        /// Strictly below it (target not met).
        case below
    }

    /// One class: its label, the other ways it is written, and the values it covers.
    public struct Class: Sendable {
        /// The label as the regulation prints it (`Sangat Tinggi`, `BB`, `TERPENUHI`).
        public let label: String
        /// Other spellings and the words printed with it (`Sangat Baik` for `BB`, `Tidak Terpenuhi`).
        public let aliases: [String]
        /// The values of a predicate class.
        public var interval: Interval
        /// Where a category class lies relative to the threshold (then `interval` is ignored).
        public var relation: Relation?
        /// Every way of writing the class, normalised by `Scale.key` (computed once: every label read is compared).
        public let keys: Set<String>

        /// A class.
        public init(label: String, aliases: [String] = [], interval: Interval, relation: Relation? = nil) {
            self.label = label
            self.aliases = aliases
            self.interval = interval
            self.relation = relation
            keys = Set(([label] + aliases).map(Scale.key))
        }

        /// The values the class covers, given the threshold of a category scale.
        public func interval(threshold: Double) -> Interval {
            switch relation {
            case nil: return interval
            case .atLeast: return Interval(lower: Bound(threshold, inclusive: true), upper: nil)
            case .above: return Interval(lower: Bound(threshold, inclusive: false), upper: nil)
            case .atMost: return Interval(lower: nil, upper: Bound(threshold, inclusive: true))
            case .below: return Interval(lower: nil, upper: Bound(threshold, inclusive: false))
            }
        }
    }

    /// What a scale grades.
    public enum Kind: String, Hashable, Sendable {
        /// A predicate earned by a capaian (Sangat Tinggi, Memuaskan, AA).
        case predicate
        /// Whether a target was met (TERPENUHI, Tercapai, memenuhi).
        case category
    }

    /// The scale's id, its file name without `.yml`.
    public var id: String
    /// Its name and source, for messages (`Predikat E-81 (Permendagri 86/2017)`).
    public var name: String
    /// A predicate or a category scale.
    public var kind: Kind
    /// The forms whose tables use it.
    public var forms: [String]
    /// Words (lower case) that, in a table's title or header or a label row, say the table uses it.
    public var words: [String]
    /// The values the scale is defined for (a capaian above 100 % is outside the E-81 scale).
    public var domain: Interval
    /// The classes, best first.
    public var classes: [Class]

    /// A scale.
    public init(id: String, name: String, kind: Kind, forms: [String] = [], words: [String] = [], domain: Interval,
                classes: [Class]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.forms = forms
        self.words = words
        self.domain = domain
        self.classes = classes
    }

    /// The class a printed label names, if any: `Tinggi`, `A (Memuaskan)`, `BELUM TERPENUHI`. A label whose parts name
    /// two different classes names none.
    public func `class`(labelled text: String) -> Class? {
        let parts = Self.labelParts(text)
        guard !parts.isEmpty else { return nil }
        var found: Int?
        for part in parts {
            guard let index = classes.firstIndex(where: { $0.keys.contains(part) }) else {
                // Words printed with a label that name no class ("Kinerja", a percentage) are not a contradiction.
                continue
            }
            if let found, found != index { return nil }
            found = index
        }
        return found.map { classes[$0] }
    }

    /// The classes that contain a value; a category scale's classes lie relative to `threshold` (the capaian, in
    /// percent, that meets the target: the `category-value` rule's parameter).
    public func classes(containing value: Double, threshold: Double = 100) -> [Class] {
        classes.filter { $0.interval(threshold: threshold).contains(value) }
    }

    /// Where two neighbouring classes of a predicate scale meet badly: a value in both, or values in neither.
    public struct Irregularity: Sendable {
        /// An overlap or a gap.
        public enum Kind: Sendable {
            /// Values that fall in both classes (`100` in `≥ 100` and `86 ≤ 100`).
            case overlap
            /// Values that fall in neither (`85,5` between `71 ≤ 85` and `86 ≤ 100`).
            case gap
        }

        /// Which it is.
        public var kind: Kind
        /// The index of the lower class.
        public var lower: Int
        /// The index of the upper class.
        public var upper: Int
        /// Where: the shared or missing stretch of values, from the lower class's upper end to the upper class's lower end.
        public var from: Double
        /// See `from`.
        public var to: Double
    }

    /// The overlaps and gaps between neighbouring classes, in order of value (none for a category scale).
    public var irregularities: [Irregularity] {
        guard kind == .predicate else { return [] }
        let order = classes.indices.sorted { a, b in
            let x = classes[a].interval.lower?.value ?? -.infinity, y = classes[b].interval.lower?.value ?? -.infinity
            return x < y
        }
        var found: [Irregularity] = []
        for (a, b) in zip(order, order.dropFirst()) {
            let end = classes[a].interval.upper, start = classes[b].interval.lower
            guard let start else { continue }
            guard let end else {
                found.append(Irregularity(kind: .overlap, lower: a, upper: b, from: start.value, to: start.value))
                continue
            }
            if end.value > start.value || (end.value == start.value && end.inclusive && start.inclusive) {
                found.append(Irregularity(kind: .overlap, lower: a, upper: b, from: start.value, to: end.value))
            } else if end.value < start.value || (!end.inclusive && !start.inclusive) {
                found.append(Irregularity(kind: .gap, lower: a, upper: b, from: end.value, to: start.value))
            }
        }
        return found
    }

    /// A label normalised for comparison: lower case, punctuation as spaces, single spaces.
    public static func key(_ text: String) -> String {
        let cleaned = TextKey.header(text).map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(cleaned).split(separator: " ").joined(separator: " ")
    }

    // "A (Memuaskan)" → ["a memuaskan", "a", "memuaskan"]: the whole label, then what is outside and inside parentheses.
    private static func labelParts(_ text: String) -> [String] {
        var outside = "", inside = ""
        var depth = 0
        for char in text {
            if char == "(" { depth += 1; inside.append(" "); continue }
            if char == ")" { depth = max(0, depth - 1); continue }
            if depth > 0 { inside.append(char) } else { outside.append(char) }
        }
        let whole = key(text)
        let parts = [key(outside), key(inside)].filter { !$0.isEmpty && $0 != whole }
        return ([whole] + parts).filter { !$0.isEmpty && !$0.allSatisfy { $0.isNumber || $0 == " " } }
    }
}
