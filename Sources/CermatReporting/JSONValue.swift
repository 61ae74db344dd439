import Foundation

/// A JSON document built in code, written with its keys in the order given (the order of the DESIGN §4 contract).
public indirect enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// A number; non-finite numbers are written as `null`.
    case number(Double)
    /// An integer.
    case int(Int)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in order.
    case object([(String, JSONValue)])

    /// The value, pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    /// A string, or `null` when absent.
    public static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let value): out += Self.number(value)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            let pad = Self.indentation(indent + 1)
            for (index, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += Self.indentation(indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            let pad = Self.indentation(indent + 1)
            for (index, (key, value)) in members.enumerated() {
                out += pad
                Self.quote(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += Self.indentation(indent) + "}"
        }
    }

    // Asked only by a list or an object, not by each of the many scalar values written.
    private static func indentation(_ depth: Int) -> String {
        String(repeating: "  ", count: depth)
    }

    // Integral values keep a ".0" (50.0), as the contract's example shows; others use the shortest exact form.
    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        // Written as the integer it is, as "%.1f" would (formatting took a thousand times as long).
        if value == value.rounded(), abs(value) < 1e15 { return (value.sign == .minus ? "-" : "") + String(UInt64(abs(value))) + ".0" }
        return "\(value)"
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Nearly every text needs no escape: appended whole, not scalar by scalar (a report of a large workbook holds
        // hundreds of thousands of characters).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
