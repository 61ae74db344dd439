import CermatPlanning
import CermatWorkbook

/// Reading the text columns the planning model keeps no values for (labels, categories, predicates, intervals).
extension RuleContext {
    /// The indicator a value belongs to, for messages: in tables that list levels side by side (sasaran | program |
    /// kegiatan, each with its indicator), the indicator column nearest left of the value; else the row's indicator.
    func indicatorName(_ row: PlanningRow, near column: Int, in table: PlanningTable) -> String {
        let nearest = table.columns(role: "indicator").filter { $0.index < column }.last
        if let nearest {
            let text = self.text(table, row: row.sheetRow, column: nearest.index)
            if !text.isEmpty { return text.hasPrefix("- ") ? String(text.dropFirst(2)) : text }
        }
        return row.indicator ?? row.label
    }
}

extension PlanningRow {
    /// The label of a footer row ("Rata-rata Capaian Kinerja Program", "Predikat Kinerja Kegiatan"), wherever the
    /// table printed it: in the No column, the kode column, the name or the indicator.
    var footerLabel: String? {
        guard level == .footer else { return nil }
        return [numbering, kode, name, indicator].compactMap { $0 }.first
    }

    /// The level a footer label speaks of: "… Kinerja Program" → program, "… Kegiatan" → kegiatan.
    var footerLevel: RowLevel? {
        let text = TextKey.header(footerLabel ?? "")
        if text.contains("sub kegiatan") || text.contains("sub-kegiatan") || text.contains("subkegiatan") { return .subKegiatan }
        if text.contains("kegiatan") { return .kegiatan }
        if text.contains("program") { return .program }
        if text.contains("sasaran") { return .sasaran }
        return nil
    }
}

extension PlanningTable {
    /// The columns of performance quantities (K): targets, realisations and projections.
    var kinerjaColumns: [PlanningColumn] {
        columns.filter { ["target", "realisasi", "proyeksi"].contains($0.descriptor.role) && $0.descriptor.measure == "K" }
    }
}
