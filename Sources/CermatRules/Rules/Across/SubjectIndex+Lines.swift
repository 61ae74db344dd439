import CermatPlanning
import CermatWorkbook

/// What the budget and name checks across tables share: which rows speak of the same program, kegiatan or sub-kegiatan.
///
/// A program is one line of the budget however a table nests it. A kegiatan or sub-kegiatan is identified by its own
/// subject and the subjects of the kegiatan above it, at its level: two sub-kegiatan named "Penyediaan Permakanan" under
/// two different kegiatan (Tabel 3.4 of the LKjIP 2023 of Kab. Mojokerto) are two lines, and a kegiatan and its only
/// sub-kegiatan of the same name are two lines. Program rows above a kegiatan are not part of its identity, so that a
/// table listing kegiatan without their programs still meets the one that lists both.
extension SubjectIndex {
    /// For each item (by index), the line it speaks of: a program or kegiatan item's, unless its row or a kegiatan above
    /// it could not be matched to one subject; none for the others (`lines` of an index).
    static func lines(of items: [Item]) -> [String?] {
        let kinds = items.indices.filter { items[$0].aspect == .program || items[$0].aspect == .kegiatan }
        var named = [RowKey: Int](minimumCapacity: kinds.count)
        for index in kinds { named[RowKey(items[index].place)] = index }
        // Each item's line is read alone from the rows above it: on every core, in slices of items.
        let lines = Parallel.flatMap(slicing: kinds.count, by: 8192) { [named] slice in
            kinds[slice].map { index in line(of: index, items, named) }
        }
        var result = [String?](repeating: nil, count: items.count)
        for (index, line) in zip(kinds, lines) { result[index] = line }
        return result
    }

    // The line of one program or kegiatan item, given the items named on each row.
    private static func line(of index: Int, _ items: [Item], _ named: [RowKey: Int]) -> String? {
        guard let subject = items[index].subject else { return nil }
        if items[index].aspect == .program { return "program|\(subject)" }
        let place = items[index].place
        var path = [subject]
        var row = place.row
        while let parent = row.parent, parent < place.table.rows.count {
            let above = place.table.rows[parent]
            guard above.level == .kegiatan || above.level == .subKegiatan else { break }
            guard let owner = named[RowKey(place, sheetRow: above.sheetRow)], let subject = items[owner].subject else { return nil }
            path.insert(subject, at: 0)
            row = above
        }
        return "\(place.row.level.rawValue)|" + path.map(String.init).joined(separator: ">")
    }

    /// What the indicators of each row belong to, by row: the program or kegiatan named on it (its line), else the
    /// sasaran; `owner(of:in:)` reads it.
    func owners() -> [RowKey: String] {
        var result: [RowKey: String] = [:]
        for index in items.indices where items[index].aspect != .indicator {
            let key = RowKey(items[index].place)
            if let line = lines[index] {
                result[key] = line
            } else if items[index].aspect == .sasaran, let subject = items[index].subject, result[key] == nil {
                result[key] = "sasaran|\(subject)"
            }
        }
        return result
    }

    /// What a place's row belongs to: the program, kegiatan or sasaran named on its row or, for a further indicator
    /// of the same one, on the row above.
    static func owner(of place: Place, in owners: [RowKey: String]) -> String? {
        var row = place.row
        if row.level == .indicator, let parent = row.parent, parent < place.table.rows.count { row = place.table.rows[parent] }
        return owners[RowKey(place, sheetRow: row.sheetRow)]
    }
}

extension SubjectIndex.Statement {
    /// The basis a planned value (target, pagu) is for: the column's or table's, and a Renja's is the plan before
    /// perubahan.
    var plannedBasis: DocumentClassification.Basis? {
        basis ?? (document == .renja ? .murni : nil)
    }
}

extension SubjectIndex.Place {
    /// A table of the set: workbook, sheet and the cells it covers.
    struct TableID: Hashable {
        let member: Int
        let sheetIndex: Int
        let range: CellRange
    }

    /// The table the place lies in, as a key of the set.
    var tableID: TableID { TableID(member: member, sheetIndex: table.sheetIndex, range: table.range) }

    /// Whether two places lie in the same table.
    func sameTable(_ other: SubjectIndex.Place) -> Bool {
        tableID == other.tableID
    }

    /// A cell of the set: workbook, sheet and address.
    struct ID: Hashable {
        let member: Int
        let sheetIndex: Int
        let cell: CellAddress
    }

    /// The cell as a key of the set.
    var id: ID { ID(member: member, sheetIndex: table.sheetIndex, cell: cell) }
}
