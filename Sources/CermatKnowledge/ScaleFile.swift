import Yams

/// One file of `rules/scales/`.
enum ScaleFile {
    static func load(_ path: String) throws(KnowledgeError) -> Scale {
        let root = try YAMLFile.mapping(path)
        try YAMLFile.checkKeys(root, allowed: ["id", "name", "kind", "use-for", "domain", "classes"], in: path,
                               at: "the scale")
        let id = try YAMLFile.string(root, "id", in: path)!
        let kindName = try YAMLFile.string(root, "kind", in: path)!
        guard let kind = Scale.Kind(rawValue: kindName) else {
            throw KnowledgeError(file: path, "'kind' must be predicate or category, not '\(kindName)'")
        }
        var forms: [String] = [], words: [String] = []
        if let useFor = root["use-for"] {
            guard let mapping = useFor.mapping else { throw KnowledgeError(file: path, "'use-for' must be a mapping") }
            try YAMLFile.checkKeys(mapping, allowed: ["forms", "words"], in: path, at: "'use-for'")
            forms = try YAMLFile.strings(mapping, "forms", in: path)
            words = try YAMLFile.strings(mapping, "words", in: path).map { $0.lowercased() }
        }
        var classes: [Scale.Class] = []
        guard let entries = root["classes"]?.sequence, !entries.isEmpty else {
            throw KnowledgeError(file: path, "'classes' is missing or empty")
        }
        for (index, node) in entries.enumerated() {
            classes.append(try scaleClass(node, kind: kind, number: index + 1, in: path))
        }
        var domain = Scale.Interval(lower: nil, upper: nil)
        if let node = root["domain"] {
            guard let mapping = node.mapping else { throw KnowledgeError(file: path, "'domain' must be a mapping") }
            try YAMLFile.checkKeys(mapping, allowed: ["at-least", "above", "at-most", "below"], in: path, at: "'domain'")
            domain = try interval(mapping, in: path, at: "'domain'")
        }
        return Scale(id: id, name: try YAMLFile.string(root, "name", in: path)!, kind: kind, forms: forms, words: words,
                     domain: domain, classes: classes)
    }

    // A predicate class has bounds (`at-least: 76, below: 91`); a category class a place relative to the threshold
    // (`when: at-least`).
    private static func scaleClass(_ node: Node, kind: Scale.Kind, number: Int, in path: String) throws(KnowledgeError) -> Scale.Class {
        let place = "class \(number)"
        guard let mapping = node.mapping else { throw KnowledgeError(file: path, "\(place) must be a mapping") }
        let boundKeys: Set<String> = ["at-least", "above", "at-most", "below"]
        try YAMLFile.checkKeys(mapping, allowed: kind == .category ? ["label", "aliases", "when"] : boundKeys.union(["label", "aliases"]),
                               in: path, at: place)
        let label = try YAMLFile.string(mapping, "label", in: path)!
        let aliases = try YAMLFile.strings(mapping, "aliases", in: path)
        if kind == .category {
            let when = try YAMLFile.string(mapping, "when", in: path)!
            guard let relation = Scale.Relation(rawValue: when) else {
                throw KnowledgeError(file: path, "\(place) ('\(label)'): 'when' must be one of \(Scale.Relation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return Scale.Class(label: label, aliases: aliases, interval: Scale.Interval(lower: nil, upper: nil), relation: relation)
        }
        let interval = try interval(mapping, in: path, at: "\(place) ('\(label)')")
        guard interval.lower != nil || interval.upper != nil else {
            throw KnowledgeError(file: path, "\(place) ('\(label)') needs at least one bound: at-least, above, at-most or below")
        }
        return Scale.Class(label: label, aliases: aliases, interval: interval)
    }

    private static func interval(_ mapping: Node.Mapping, in path: String, at place: String) throws(KnowledgeError) -> Scale.Interval {
        let atLeast = try number(mapping, "at-least", in: path, at: place), above = try number(mapping, "above", in: path, at: place)
        let atMost = try number(mapping, "at-most", in: path, at: place), below = try number(mapping, "below", in: path, at: place)
        if atLeast != nil && above != nil { throw KnowledgeError(file: path, "\(place): 'at-least' and 'above' exclude each other") }
        if atMost != nil && below != nil { throw KnowledgeError(file: path, "\(place): 'at-most' and 'below' exclude each other") }
        let lower = atLeast.map { Scale.Bound($0, inclusive: true) } ?? above.map { Scale.Bound($0, inclusive: false) }
        let upper = atMost.map { Scale.Bound($0, inclusive: true) } ?? below.map { Scale.Bound($0, inclusive: false) }
        if let lower, let upper, lower.value > upper.value {
            throw KnowledgeError(file: path, "\(place): the lower bound \(lower.value) is above the upper bound \(upper.value)")
        }
        return Scale.Interval(lower: lower, upper: upper)
    }

    private static func number(_ mapping: Node.Mapping, _ key: String, in path: String, at place: String) throws(KnowledgeError) -> Double? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.float else { throw KnowledgeError(file: path, "\(place): '\(key)' must be a number") }
        return value
    }
}
