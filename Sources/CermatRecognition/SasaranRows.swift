import CermatPlanning

/// Sasaran rows in tables that list them among programs and kegiatan (TW IV, LKjIP achievement tables), found after
/// every other level is known.
enum SasaranRows {
    // In a table that has programs or kegiatan, a row still without a level that states an outcome ("Terwujudnya …")
    // is a sasaran; such tables list their sasaran above the programs that serve them.
    static func assign(_ rows: inout [PlanningRow], openers: [String]) {
        guard rows.contains(where: { [.program, .kegiatan, .subKegiatan].contains($0.level) }) else { return }
        let firstProgram = rows.firstIndex { $0.level == .program } ?? 0
        for index in rows.indices where [.other, .indicator, .kegiatan].contains(rows[index].level) {
            guard rows[index].level == .other || index < firstProgram,
                  let text = (rows[index].name ?? rows[index].indicator).map(TextKey.header) else { continue }
            let first = text.split(separator: " ").first.map(String.init) ?? ""
            if openers.contains(first) { rows[index].level = .sasaran }
        }
    }

}
