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
        // For each table, the program or kegiatan item named on each of its rows (by sheet row from the table's first),
        // so that walking up a row's kegiatan looks each one up in a list rather than hashing a row key.
        var named: [Place.TableID: [Int]] = [:]
        var current: (table: Place.TableID, first: Int, items: [Int])?
        for index in kinds {
            let item = items[index], table = item.tableID
            if current?.table != table {
                if let current { named[current.table] = current.items }
                current = (table, item.table.range.first.row, named[table] ?? Array(repeating: -1, count: item.table.range.rowCount))
            }
            current!.items[item.row.sheetRow - current!.first] = index
        }
        if let current { named[current.table] = current.items }
        // Each item's line is read alone from the rows above it: on every core, in slices of items.
        let lines = Parallel.map(kinds.count, slicedBy: 8192) { [named] position in
            line(of: kinds[position], items, named[items[kinds[position]].tableID]!)
        }
        var result = [String?](repeating: nil, count: items.count)
        for (index, line) in zip(kinds, lines) { result[index] = line }
        return result
    }

    // The line of one program or kegiatan item, given the item named on each row of its table.
    private static func line(of index: Int, _ items: [Item], _ named: [Int]) -> String? {
        guard let subject = items[index].subject else { return nil }
        if items[index].aspect == .program { return "program|\(subject)" }
        let item = items[index], table = item.table
        let first = table.range.first.row
        // The subjects from the item's up to the outermost kegiatan above it.
        var path = [subject]
        var row = item.row
        while let parent = row.parent, parent < table.rows.count {
            let above = table.rows[parent]
            guard above.level == .kegiatan || above.level == .subKegiatan else { break }
            let owner = named[above.sheetRow - first]
            guard owner >= 0, let subject = items[owner].subject else { return nil }
            path.append(subject)
            row = above
        }
        var text = item.row.level.rawValue + "|"
        text.reserveCapacity(text.utf8.count + path.count * 8)
        for (position, subject) in path.reversed().enumerated() {
            if position > 0 { text += ">" }
            text += String(subject)
        }
        return text
    }

    /// What the indicators of each row belong to, by row: the program or kegiatan named on it (its line), else the
    /// sasaran; `owner(of:in:)` reads it.
    func owners() -> [RowKey: String] {
        assert(hasNames, "what an indicator belongs to is read from the named subjects (Rule.indexUse)")
        var result: [RowKey: String] = [:]
        for index in items.indices where items[index].aspect != .indicator {
            let key = RowKey(items[index])
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
