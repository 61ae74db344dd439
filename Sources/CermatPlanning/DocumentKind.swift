/// The documents of the planning chain a table can belong to (DOMAIN §1).
public enum DocumentKind: String, Hashable, Sendable, CaseIterable {
    /// Rencana Strategis: five-year targets per indicator.
    case renstra
    /// Rencana Kerja (Renja) of the OPD, before perubahan.
    case renja
    /// Perubahan Renja (Renja-P): the plan after the mid-year change.
    case renjaPerubahan = "renja-perubahan"
    /// Rencana Kerja Pemerintah Daerah.
    case rkpd
    /// Perjanjian Kinerja (and PK Perubahan).
    case pk
    /// Indikator Kinerja Utama: indicator definitions and formulas.
    case iku
    /// DPA / APBD / APBD-P: budgets.
    case dpa
    /// Laporan Kinerja Instansi Pemerintah: the year's results.
    case lkjip
    /// An evaluation that quotes the other documents (LHE AKIP of the Inspektorat): never compared as a source.
    case evaluasi

    /// The name planners use for it.
    public var name: String {
        switch self {
        case .renstra: "Renstra"
        case .renja: "Renja"
        case .renjaPerubahan: "Renja Perubahan"
        case .rkpd: "RKPD"
        case .pk: "PK"
        case .iku: "IKU"
        case .dpa: "DPA/APBD"
        case .lkjip: "LKjIP"
        case .evaluasi: "LHE"
        }
    }
}
