/// Which document a table belongs to and for which year, with the evidence that says so (`cermat inspect --tables`).
public struct DocumentClassification: Hashable, Sendable {
    /// Before or after the mid-year change (perubahan).
    public enum Basis: String, Hashable, Sendable {
        /// The original plan (murni, sebelum perubahan).
        case murni
        /// After perubahan (Renja-P, PK Perubahan, APBD-P).
        case perubahan
    }

    /// The document, when something says which.
    public var kind: DocumentKind?
    /// The year the table plans or reports, when known.
    public var year: Int?
    /// The period of a multi-year document (a Renstra's 2021-2026), when its title states one.
    public var period: ClosedRange<Int>?
    /// Before or after perubahan, when the table says.
    public var basis: Basis?
    /// What decided each part, in words (`title "PERJANJIAN KINERJA PERUBAHAN TAHUN 2023"`, `form pk-sasaran`).
    public var evidence: [String]

    /// A classification.
    public init(kind: DocumentKind?, year: Int?, period: ClosedRange<Int>? = nil, basis: Basis? = nil, evidence: [String]) {
        self.kind = kind
        self.year = year
        self.period = period
        self.basis = basis
        self.evidence = evidence
    }

    /// `PK Perubahan 2023`, `Renstra 2021-2026`, `unknown document`.
    public var label: String {
        var parts = [kind?.name ?? "?"]
        if basis == .perubahan && kind != .renjaPerubahan { parts.append("Perubahan") }
        if let period { parts.append("\(period.lowerBound)-\(period.upperBound)") } else if let year { parts.append(String(year)) }
        return parts.joined(separator: " ")
    }
}
