/// The version every output names.
public enum CermatVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
