/// An arithmetic expression over the columns of a table: how a derived column is computed from others.
public indirect enum ColumnExpression: Hashable, Sendable, CustomStringConvertible {
    /// The value of a column (a zero-based sheet column index once resolved).
    case column(Int)
    /// A constant, such as the 100 of `× 100`.
    case constant(Double)
    /// A sum.
    case sum(ColumnExpression, ColumnExpression)
    /// A difference.
    case difference(ColumnExpression, ColumnExpression)
    /// A product.
    case product(ColumnExpression, ColumnExpression)
    /// A quotient.
    case quotient(ColumnExpression, ColumnExpression)

    /// The value for a row, given the value of each column; `nil` when an operand is missing or a divisor is zero.
    public func evaluate(_ value: (Int) -> Double?) -> Double? {
        switch self {
        case .column(let index): return value(index)
        case .constant(let number): return number
        case .sum(let a, let b): return a.evaluate(value).flatMap { x in b.evaluate(value).map { x + $0 } }
        case .difference(let a, let b): return a.evaluate(value).flatMap { x in b.evaluate(value).map { x - $0 } }
        case .product(let a, let b): return a.evaluate(value).flatMap { x in b.evaluate(value).map { x * $0 } }
        case .quotient(let a, let b):
            guard let x = a.evaluate(value), let y = b.evaluate(value), y != 0 else { return nil }
            return x / y
        }
    }

    /// The columns the expression reads, in order of appearance.
    public var columns: [Int] {
        switch self {
        case .column(let index): return [index]
        case .constant: return []
        case .sum(let a, let b), .difference(let a, let b), .product(let a, let b), .quotient(let a, let b):
            return a.columns + b.columns
        }
    }

    /// The expression with every column replaced; `nil` when `map` returns `nil` for one of them.
    public func mapColumns(_ map: (Int) -> Int?) -> ColumnExpression? {
        switch self {
        case .column(let index): return map(index).map(ColumnExpression.column)
        case .constant: return self
        case .sum(let a, let b): return a.mapColumns(map).flatMap { x in b.mapColumns(map).map { .sum(x, $0) } }
        case .difference(let a, let b): return a.mapColumns(map).flatMap { x in b.mapColumns(map).map { .difference(x, $0) } }
        case .product(let a, let b): return a.mapColumns(map).flatMap { x in b.mapColumns(map).map { .product(x, $0) } }
        case .quotient(let a, let b): return a.mapColumns(map).flatMap { x in b.mapColumns(map).map { .quotient(x, $0) } }
        }
    }

    /// Whether the expression ends by scaling with 100 (a percentage).
    public var scalesToPercent: Bool {
        if case .product(_, .constant(100)) = self { return true }
        if case .product(.constant(100), _) = self { return true }
        return false
    }

    /// The expression with column numbers written as `#n`.
    public var description: String {
        switch self {
        case .column(let index): return "#\(index)"
        case .constant(let number): return number == number.rounded() ? String(Int(number)) : String(number)
        case .sum(let a, let b): return "(\(a) + \(b))"
        case .difference(let a, let b): return "(\(a) - \(b))"
        case .product(let a, let b): return "\(a) × \(b)"
        case .quotient(let a, let b): return "\(a) / \(b)"
        }
    }

    /// Parses `12 / 7 * 100`, `(5+7)`, `14/5x100%` where numbers name columns (by their printed number) except a
    /// multiplier of 100 or 1000; `nil` when the text is not such an expression.
    public static func parse(_ text: String) -> ColumnExpression? {
        var parser = Parser(text)
        guard let expression = parser.expression(), parser.atEnd else { return nil }
        return expression
    }

    private struct Parser {
        let characters: [Character]
        var index = 0

        init(_ text: String) {
            characters = Array(text.filter { $0 != " " && $0 != "%" })
        }

        var atEnd: Bool { index == characters.count }

        mutating func expression() -> ColumnExpression? {
            guard var left = term() else { return nil }
            while index < characters.count, characters[index] == "+" || characters[index] == "-" {
                let op = characters[index]
                index += 1
                guard let right = term() else { return nil }
                left = op == "+" ? .sum(left, right) : .difference(left, right)
            }
            return left
        }

        mutating func term() -> ColumnExpression? {
            guard var left = factor(multiplier: false) else { return nil }
            while index < characters.count, "*x×X:/".contains(characters[index]) {
                let divide = characters[index] == "/" || characters[index] == ":"
                index += 1
                guard let right = factor(multiplier: !divide) else { return nil }
                left = divide ? .quotient(left, right) : .product(left, right)
            }
            return left
        }

        mutating func factor(multiplier: Bool) -> ColumnExpression? {
            guard index < characters.count else { return nil }
            if characters[index] == "(" {
                index += 1
                guard let inner = expression(), index < characters.count, characters[index] == ")" else { return nil }
                index += 1
                return inner
            }
            var digits = ""
            while index < characters.count, characters[index].isNumber, characters[index].isASCII {
                digits.append(characters[index])
                index += 1
            }
            guard let number = Int(digits) else { return nil }
            if multiplier && (number == 100 || number == 1000) { return .constant(Double(number)) }
            return .column(number)
        }
    }
}
