#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses `xsd:double` text straight from bytes, correctly rounded.
enum XMLNumber {
    private static let powersOfTen: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double,
                                     Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double) =
        (1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
         1e21, 1e22)

    @inline(__always)
    private static func power(_ exponent: Int) -> Double {
        withUnsafeBytes(of: powersOfTen) { $0.load(fromByteOffset: exponent * 8, as: Double.self) }
    }

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
            let result = exponent < 0 ? value / power(-exponent) : value * power(exponent)
            return negative ? -result : result
        }
        return slowParse(base, start, end)
    }

    // The syntax is already validated; only the correctly rounded conversion is left to the C library. strtod needs
    // a terminator, so the digits are copied to a small stack buffer (a number has no business being longer).
    private static func slowParse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length < 128 else {
            return Double(String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self))
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Double? in
            let target = buffer.baseAddress!
            UnsafeMutableRawPointer(target).copyMemory(from: base + start, byteCount: length)
            target[length] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(target, &stop)
            return stop == target + length ? value : nil
        }
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
