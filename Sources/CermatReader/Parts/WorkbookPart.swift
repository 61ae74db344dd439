import CermatWorkbook

/// `xl/workbook.xml`: the sheet list in tab order, the date system, defined names and the active tab.
struct WorkbookPart {
    /// One `<sheet>` entry.
    struct SheetEntry {
        let name: String
        let relationshipID: String
        let visibility: Worksheet.Visibility
    }

    var sheets: [SheetEntry] = []
    var date1904 = false
    var definedNames: [DefinedName] = []
    var activeTab = 0

    /// Parses the workbook part.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, part: String, maxDepth: Int) throws(ReaderError) -> WorkbookPart {
        var result = WorkbookPart()
        do {
            var scanner = XMLScanner(buffer, part: part, maxDepth: maxDepth)
            while true {
                let event = try scanner.next()
                if event == .endOfDocument { break }
                guard event == .startElement else { continue }
                if scanner.isElement("sheet") {
                    guard let name = try scanner.stringAttribute("name"), let id = try scanner.stringAttribute("id") else {
                        throw ReaderError(.invalidContent("a <sheet> lacks its name or r:id"), part: part,
                                          offset: scanner.position)
                    }
                    let state = try scanner.stringAttribute("state")
                    let visibility: Worksheet.Visibility = state == "hidden" ? .hidden : state == "veryHidden" ? .veryHidden : .visible
                    result.sheets.append(SheetEntry(name: name, relationshipID: id, visibility: visibility))
                } else if scanner.isElement("workbookPr") {
                    result.date1904 = try scanner.boolAttribute("date1904") ?? false
                } else if scanner.isElement("workbookView") {
                    result.activeTab = try scanner.intAttribute("activeTab") ?? result.activeTab
                } else if scanner.isElement("definedName") {
                    let name = try scanner.stringAttribute("name") ?? ""
                    let local = try scanner.intAttribute("localSheetId")
                    let hidden = try scanner.boolAttribute("hidden") ?? false
                    let value = try scanner.readText()
                    result.definedNames.append(DefinedName(name: name, value: value, localSheet: local, hidden: hidden))
                }
            }
        }
        return result
    }
}
