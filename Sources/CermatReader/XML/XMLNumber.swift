#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses `xsd:double` text straight from bytes, correctly rounded.
enum XMLNumber {
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// The number in `base[start..<end]`, or `nil` when the bytes are not one.
    static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        guard start < end else { return nil }
        var index = start
        var negative = false
        if base[index] == UInt8(ascii: "-") || base[index] == UInt8(ascii: "+") {
            negative = base[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        while index < end, case let digit = base[index] &- 0x30, digit < 10 {
            sawDigit = true
            if significant > 0 || digit != 0 { significant += 1 }
            if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(digit) } else { exponent += 1 }
            digits += 1
            index += 1
        }
        if index < end, base[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, case let digit = base[index] &- 0x30, digit < 10 {
                sawDigit = true
                if significant > 0 || digit != 0 { significant += 1 }
                if significant <= 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    exponent -= 1
                }
                index += 1
            }
        }
        guard sawDigit else { return parseSpecial(base, start, end) }
        if index < end, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            index += 1
            var expNegative = false
            if index < end, base[index] == UInt8(ascii: "-") || base[index] == UInt8(ascii: "+") {
                expNegative = base[index] == UInt8(ascii: "-")
                index += 1
            }
            var value = 0
            var expDigits = 0
            while index < end, case let digit = base[index] &- 0x30, digit < 10 {
                if value < 100_000 { value = value * 10 + Int(digit) }
                expDigits += 1
                index += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -value : value
        }
        guard index == end else { return nil }
        // Clinger's fast path: an exact mantissa and an exact power of ten give a correctly rounded quotient or product.
        if significant <= 15, mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
            let value = Double(mantissa)
            let result = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
            return negative ? -result : result
        }
        return slowParse(base, start, end)
    }

    private static func slowParse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        return Double(text)
    }

    private static func parseSpecial(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        switch text {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: return nil
        }
    }
}
