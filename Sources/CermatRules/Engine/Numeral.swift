import Foundation

/// Numbers written for people: `13.401.076.519,00` in Indonesian, `13,401,076,519.00` in English.
public enum Numeral {
    /// The number with `decimals` digits after the separator (as many as needed, up to 4, when `nil`).
    public static func text(_ value: Double, decimals: Int?, language: Language) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        // Beyond 15 significant digits a Double has no exact digits to group (and 1e300 would overflow Int64).
        guard abs(value) < 1e15 else { return String(format: "%.6g", value) }
        let places = min(decimals ?? significantDecimals(value), 10)
        let scaled = (abs(value) * pow(10, Double(places))).rounded()
        let integer = (scaled / pow(10, Double(places))).rounded(.down)
        var fraction = String(Int64(scaled - integer * pow(10, Double(places))))
        while fraction.count < places { fraction = "0" + fraction }
        let digits = String(Int64(integer))
        var grouped = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(language == .id ? "." : ",") }
            grouped.append(char)
        }
        let sign = value < 0 && (scaled > 0) ? "-" : ""
        return sign + grouped + (places > 0 ? (language == .id ? "," : ".") + fraction : "")
    }

    /// A percentage: `150,00%`.
    public static func percent(_ value: Double, decimals: Int? = 2, language: Language) -> String {
        text(value, decimals: decimals, language: language) + "%"
    }

    /// Both languages at once, for building a `Message`.
    public static func both(_ value: Double, decimals: Int?, percent: Bool = false) -> (id: String, en: String) {
        let suffix = percent ? "%" : ""
        return (text(value, decimals: decimals, language: .id) + suffix, text(value, decimals: decimals, language: .en) + suffix)
    }

    private static func significantDecimals(_ value: Double) -> Int {
        for places in 0...4 {
            let scaled = value * pow(10, Double(places))
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, abs(scaled)) { return places }
        }
        return 4
    }
}
