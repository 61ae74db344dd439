@testable import CermatReader
import Testing

/// Scans `xml` and renders every event, so that a test reads like the document it checks.
private func events(_ xml: String) throws(ReaderError) -> [String] {
    let bytes = Array(xml.utf8)
    var out: [String] = []
    try bytes.withUnsafeBufferPointer { (buffer) throws(ReaderError) in
        var scanner = XMLScanner(buffer, part: "test.xml")
        while true {
            switch try scanner.next() {
            case .startElement:
                var attributes: [String] = []
                for attribute in scanner.attributes { attributes.append(try scanner.value(of: attribute)) }
                out.append("<\(scanner.elementName)\(attributes.isEmpty ? "" : " " + attributes.joined(separator: ","))>")
            case .endElement:
                out.append("</\(scanner.elementName)>")
            case .text:
                if !scanner.textIsWhitespace { out.append(try scanner.text()) }
            case .endOfDocument:
                return
            }
        }
    }
    return out
}

private func failure(_ xml: String) -> ReaderError? {
    do {
        _ = try events(xml)
        return nil
    } catch {
        return error
    }
}

@Suite struct XMLScannerTests {
    @Test func readsElementsAttributesAndText() throws {
        #expect(try events("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1\" y='2'><b/>hi</a>")
                == ["<a 1,2>", "<b>", "</b>", "hi", "</a>"])
    }

    @Test func ignoresAnyNamespacePrefix() throws {
        #expect(try events("<x:worksheet xmlns:x=\"urn:main\"><x:c x:r=\"A1\"/></x:worksheet>")
                == ["<worksheet urn:main>", "<c A1>", "</c>", "</worksheet>"])
    }

    @Test func decodesPredefinedAndNumericEntities() throws {
        #expect(try events("<t>&lt;&gt;&amp;&quot;&apos; &#10;&#x2265;&#8730;</t>") == ["<t>", "<>&\"' \n≥√", "</t>"])
        #expect(try events("<t a=\"&amp;x&#9;\"/>") == ["<t &x\t>", "</t>"])
    }

    @Test func normalisesLineEndsAndAttributeWhitespace() throws {
        #expect(try events("<t a=\"1\t2\n3\">x\r\ny\rz</t>") == ["<t 1 2 3>", "x\ny\nz", "</t>"])
    }

    @Test func readsCDATAAndSkipsCommentsAndInstructions() throws {
        #expect(try events("<a><!-- note --><![CDATA[<b>&amp;</b>]]><?pi data?></a>") == ["<a>", "<b>&amp;</b>", "</a>"])
    }

    @Test func acceptsAUTF8ByteOrderMark() throws {
        #expect(try events("\u{FEFF}<a/>") == ["<a>", "</a>"])
    }

    @Test func rejectsDoctype() {
        let error = failure("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>")
        #expect(error?.kind == .doctypeForbidden)
        #expect(error?.offset == 21)
        #expect(error?.part == "test.xml")
    }

    @Test(arguments: [
        ("<a><b></a>", "</a> closes <b>", 6),
        ("<a>", "ends before </a> closes it", 3),
        ("<a x=1/>", "is not quoted", 5),
        ("<a x=\"1\" x=\"2\"/>", "appears twice", 9),
        ("<a x=\"1\"y=\"2\"/>", "separated by whitespace", 8),
        ("<a>&unknown;</a>", "unknown or invalid entity", 3),
        ("<a>&#0;</a>", "unknown or invalid entity", 3),
        ("<a>AT&T</a>", "does not start an entity reference", 5),
        ("<a x=\"<\"/>", "'<' inside an attribute value", 6),
        ("<a/><b/>", "a second root element", 4),
        ("text<a/>", "text outside the root element", 0),
        ("", "no root element", 0),
        ("<a><!-- x -- y --></a>", "'--' inside a comment", 10),
        ("<a><![CDATA[x</a>", "CDATA section is not closed", 3),
        ("</a>", "without a start tag", 0),
        ("<1a/>", "expected an element name", 1),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", "unsupported encoding", 0),
        ("<a>\u{FF}</a>", "", 0),
    ])
    func rejectsMalformedXMLWithItsOffset(xml: String, reason: String, offset: Int) throws {
        if reason.isEmpty {
            // Invalid UTF-8 is reported when the text is decoded.
            var bytes = Array("<a>".utf8) + [0xFF] + Array("</a>".utf8)
            let error = bytes.withUnsafeMutableBufferPointer { buffer -> ReaderError? in
                var scanner = XMLScanner(UnsafeBufferPointer(buffer), part: "test.xml")
                do throws(ReaderError) {
                    _ = try scanner.next()
                    _ = try scanner.next()
                    _ = try scanner.text()
                    return nil
                } catch {
                    return error
                }
            }
            #expect(error?.message.contains("not valid UTF-8") == true)
            return
        }
        let error = try #require(failure(xml))
        guard case .malformedXML(let message) = error.kind else {
            Issue.record("expected malformed XML, got \(error)")
            return
        }
        #expect(message.contains(reason), "\(message)")
        #expect(error.offset == offset, "\(error)")
    }

    @Test func limitsNestingDepth() {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        let error = failure(deep)
        #expect(error?.message.contains("nest deeper than 256") == true)
    }

    @Test(arguments: [
        ("0", 0.0), ("150", 150.0), ("-831", -831.0), ("0.9815", 0.9815), ("1.5E-7", 1.5e-7), ("2.2250738585072014E-308", 2.2250738585072014e-308),
        ("13401076519", 13_401_076_519.0), ("0.1", 0.1), ("123456789012345678", 123_456_789_012_345_678.0),
        ("1e22", 1e22), ("1e23", 1e23), ("9007199254740993", 9_007_199_254_740_993.0), ("  42 ", 42.0),
    ])
    func parsesNumbersCorrectlyRounded(text: String, expected: Double) throws {
        let bytes = Array("<v>\(text)</v>".utf8)
        let value = try bytes.withUnsafeBufferPointer { (buffer) throws(ReaderError) -> Double? in
            var scanner = XMLScanner(buffer, part: "test.xml")
            _ = try scanner.next()
            _ = try scanner.next()
            return scanner.textNumber()
        }
        #expect(value == expected)
    }

    @Test(arguments: ["", "abc", "1.2.3", "1e", "--1", "0x10", "1,5"])
    func rejectsNonNumbers(text: String) throws {
        let bytes = Array("<v>\(text)x</v>".utf8.dropLast(5)) + Array("</v>".utf8)
        let value = try bytes.withUnsafeBufferPointer { (buffer) throws(ReaderError) -> Double? in
            var scanner = XMLScanner(buffer, part: "test.xml")
            _ = try scanner.next()
            guard try scanner.next() == .text else { return nil }
            return scanner.textNumber()
        }
        #expect(value == nil)
    }

    @Test func unescapesOOXMLEscapes() {
        #expect(OOXMLEscapes.unescape("a_x000D_b") == "a\rb")
        #expect(OOXMLEscapes.unescape("_x005F_x000D_") == "_x000D_")
        #expect(OOXMLEscapes.unescape("_xD83D__xDE00_") == "😀")
        #expect(OOXMLEscapes.unescape("_x00zz_ plain_x1") == "_x00zz_ plain_x1")
    }
}
