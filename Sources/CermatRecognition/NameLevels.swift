import CermatKnowledge
import CermatPlanning
import Foundation

/// Levels for rows that lack a kode, from rows of the same name that have one elsewhere in the workbook.
///
/// An APBD-P block printed without codes (DOMAIN §2.0, 002:445-453) names the same programs, kegiatan and sub-kegiatan
/// that another table of the workbook lists with codes. Where one name belongs to several levels (a sub-kegiatan named
/// like its kegiatan), the uncoded rows take them in the order the coded rows have them.
enum NameLevels {
    static func assign(_ tables: inout [PlanningTable], vocabulary: Vocabulary) {
        // The rows to level: those still without one (or taken for further indicators) in tables that hold names. Most
        // workbooks have none, and the names of all their rows were read for nothing.
        let open = tables.indices.filter { holdsNames(tables[$0]) }.flatMap { tableIndex in
            tables[tableIndex].rows.indices.filter { [.other, .indicator].contains(tables[tableIndex].rows[$0].level) }
                .map { (tableIndex, $0) }
        }
        guard !open.isEmpty else { return }
        // Rows with a kode speak first; rows levelled by their fonts or numbering fill in the names they alone have.
        var levels: [String: [RowLevel]] = [:]
        for coded in [true, false] {
            var found: [String: [RowLevel]] = [:]
            for table in tables {
                for row in table.rows where (row.kode != nil) == coded {
                    guard let name = row.name, [.program, .kegiatan, .subKegiatan].contains(row.level) else { continue }
                    found[key(name), default: []].append(row.level)
                }
            }
            levels.merge(found) { existing, _ in existing }
        }
        // Last, the official nomenclature, for names no table of this workbook levels (a sub-kegiatan may bear its
        // kegiatan's name: both levels are kept).
        var official: [String: [RowLevel]] = [:]
        for entry in vocabulary.nomenclature { official[key(entry.name), default: []].append(entry.level) }
        levels.merge(official) { existing, _ in existing }
        guard !levels.isEmpty else { return }
        let known = Array(levels.keys)
        let matcher = NameMatcher()
        for (tableIndex, rows) in Dictionary(grouping: open, by: \.0).sorted(by: { $0.key < $1.key }) {
            var used: [String: Int] = [:]
            var previous: (name: String, level: RowLevel)?
            for (_, rowIndex) in rows {
                let row = tables[tableIndex].rows[rowIndex]
                defer {
                    let settled = tables[tableIndex].rows[rowIndex]
                    if [.program, .kegiatan, .subKegiatan].contains(settled.level), let text = settled.name ?? settled.indicator {
                        previous = (text, settled.level)
                    }
                }
                // A name printed in the indicator column (tables that list names and indicators in one column) counts too.
                // The same name, or failing that the one name spelled most alike (a unique match above the threshold).
                let name = (row.name ?? row.indicator).flatMap { vocabulary.opensLikeIndicator($0) ? nil : $0 }
                let match = name.flatMap { text in
                    levels[key(text)] ?? matcher.bestMatch(text, in: known).map { levels[known[$0.index]]! }
                }
                guard row.kode == nil, let name, let known = match else {
                    if let text = row.name ?? row.indicator, row.level == .indicator, key(text).hasPrefix("program ") {
                        tables[tableIndex].rows[rowIndex].level = .program
                    }
                    continue
                }
                let position = used[key(name), default: 0]
                var level = known[min(position, known.count - 1)]
                // Right below a kegiatan of the same name, the name is its sub-kegiatan's.
                if known.count > 1, let previous, previous.level < .subKegiatan, matcher.similarity(previous.name, name) >= 0.9,
                   let deeper = known.filter({ $0 > previous.level }).min() {
                    level = deeper
                }
                tables[tableIndex].rows[rowIndex].level = level
                used[key(name)] = position + 1
            }
        }
    }

    // Only tables whose rows can be programs and kegiatan: their label is a name column, or their indicator column says
    // it lists programs and kegiatan too ("Indikator Kinerja Sasaran/Program/ Kegiatan/Sub. Kegiatan").
    private static func holdsNames(_ table: PlanningTable) -> Bool {
        let label = table.columns.first { ["name", "sasaran", "tujuan"].contains($0.descriptor.role) }
        if label?.descriptor.role == "name" { return true }
        return table.columns.contains { column in
            column.descriptor.role == "indicator"
                && TextKey.header(column.header.joined(separator: " ")).range(of: "kegiatan") != nil
        }
    }

    private static func key(_ name: String) -> String {
        TextKey.header(name)
    }
}
