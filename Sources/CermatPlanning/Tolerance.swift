/// Comparing a printed value with the value it should have, at the precision it is printed with (issue #4):
/// two decimals at ±0,005 (and ±0,01 for the last digit), an integer at ±0,5, rupiah to the rupiah.
public struct Tolerance: Hashable, Sendable {
    /// How a printed value compares with the expected one.
    public enum Outcome: Hashable, Sendable {
        /// Equal at the printed precision.
        case equal
        /// Off by one in the last printed digit only: truncated instead of rounded.
        case lastDigit
        /// Different.
        case different
    }

    /// A tolerance to use instead of the printed precision's (from the configuration), if any.
    public var override: Double?

    /// The printed precision's tolerance, or `override`.
    public init(override: Double? = nil) {
        self.override = override
    }

    /// Compares a printed value with the expected value.
    public func compare(_ printed: TypedValue, _ actual: Double, expected: Double) -> Outcome {
        compare(decimals: printed.decimals, actual, expected: expected)
    }

    /// Compares a value printed with `decimals` (`nil` when unknown) with the expected value.
    public func compare(decimals: Int?, _ actual: Double, expected: Double) -> Outcome {
        let difference = abs(actual - expected)
        if let override { return difference <= override + 1e-9 ? .equal : .different }
        let step = Self.step(decimals: decimals, actual)
        if difference <= step / 2 + step * 1e-6 + 1e-9 * abs(expected) { return .equal }
        if difference <= step * 1.000001 { return .lastDigit }
        return .different
    }

    /// The value of one unit in the last digit of a value printed with `decimals` (`nil` when unknown): 0,01 for two
    /// decimals, 1 for an integer.
    public static func step(decimals: Int?, _ actual: Double) -> Double {
        if let decimals {
            var value = 1.0
            for _ in 0..<decimals { value /= 10 }
            return value
        }
        // A numeric cell in General format shows as many digits as it needs: compare almost exactly.
        return max(abs(actual), 1) * 1e-9
    }
}
