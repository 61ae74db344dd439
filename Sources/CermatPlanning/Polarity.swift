/// Which direction is good for an indicator.
public enum Polarity: String, Hashable, Sendable {
    /// More is better (most indicators).
    case higherIsBetter = "higher-is-better"
    /// Less is better ("penurunan", "angka kemiskinan", "Persentase PPKS").
    case lowerIsBetter = "lower-is-better"
}
