// Helpdesk HTML bodies (Zendesk comment_value_html, Help Scout, Freshdesk, Front) as the plain text a
// reply file holds: paragraphs and line breaks kept, links kept as text, nothing else of the markup.

import CLibXML2

enum HTMLText {
    /// The text of `html`, with notes on what plain text cannot carry (images, tables).
    static func plainText(_ html: String) -> (text: String, notes: [String]) {
        let bytes = Array(html.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return ("", []) }
        xmlInitParser()
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                htmlReadMemory(characters.baseAddress, Int32(characters.count), nil, "UTF-8", options)
            }
        }
        guard let document = parsed else { return (html, ["the HTML body could not be read; kept as it was"]) }
        defer { xmlFreeDoc(document) }
        var writer = PlainTextWriter()
        writer.walk(document.pointee.children, depth: 0)
        return (writer.finish(), writer.notes)
    }
}

private struct PlainTextWriter {
    var output = ""
    var notes: [String] = []
    var preformatted = 0
    /// The number of each open ordered list's next item; nil for a bulleted list.
    var lists: [Int?] = []

    static let skipped: Set<String> = ["script", "style", "head", "title", "template", "noscript"]
    static let paragraphs: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "pre", "hr"]
    static let lines: Set<String> = ["div", "tr", "section", "article", "header", "footer", "li", "dl", "dt", "dd", "address", "figure", "center"]

    mutating func note(_ text: String) { if !notes.contains(text) { notes.append(text) } }

    /// Ends the current line with `count` line breaks in all (none at the very start).
    mutating func breakLine(_ count: Int) {
        while output.last == " " { output.removeLast() }
        guard !output.isEmpty else { return }
        let existing = output.reversed().prefix { $0 == "\n" }.count
        if existing < count { output += String(repeating: "\n", count: count - existing) }
    }

    mutating func text(_ raw: String) {
        if preformatted > 0 {
            output += raw
            return
        }
        // HTML collapses runs of white space to one space, and a line starts without one.
        for character in raw {
            if character.isWhitespace {
                if let last = output.last, last != " ", last != "\n" { output.append(" ") }
            } else {
                output.append(character)
            }
        }
    }

    mutating func walk(_ first: xmlNodePtr?, depth: Int) {
        var current = first
        while let node = current {
            visit(node, depth: depth)
            current = node.pointee.next
        }
    }

    mutating func visit(_ node: xmlNodePtr, depth: Int) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { text(String(cString: content)) }
        case XML_ELEMENT_NODE:
            guard depth < 200 else { return }
            let name = node.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
            guard !Self.skipped.contains(name) else { return }
            switch name {
            case "br":
                while output.last == " " { output.removeLast() }
                output += "\n"
            case "a":
                let before = output.count
                walk(node.pointee.children, depth: depth + 1)
                let label = String(output.dropFirst(before)).stripping(" \n")
                if let href = property(node, "href")?.stripping(" "), !href.isEmpty, !href.hasPrefix("#") {
                    let target = href.hasPrefix("mailto:") ? String(href.dropFirst("mailto:".count)) : href
                    if label.isEmpty {
                        output += target
                    } else if label != target && label != href {
                        output += " (\(target))"
                    }
                }
            case "img":
                let alt = property(node, "alt") ?? ""
                note(alt.isEmpty ? "an image in the HTML body was left out" : "an image (\"\(alt)\") in the HTML body was left out")
            case "li":
                breakLine(1)
                if let next = lists.last, let number = next {
                    output += "\(number). "
                    lists[lists.count - 1] = number + 1
                } else {
                    output += "- "
                }
                walk(node.pointee.children, depth: depth + 1)
                breakLine(1)
            case "ul", "ol":
                breakLine(lists.isEmpty ? 2 : 1)
                lists.append(name == "ol" ? 1 : nil)
                walk(node.pointee.children, depth: depth + 1)
                lists.removeLast()
                breakLine(lists.isEmpty ? 2 : 1)
            case "td", "th":
                if output.last != "\n" && !output.isEmpty { output += " | " }
                walk(node.pointee.children, depth: depth + 1)
                note("a table in the HTML body was written as lines of cells separated by '|'")
            case "pre":
                breakLine(2)
                preformatted += 1
                walk(node.pointee.children, depth: depth + 1)
                preformatted -= 1
                breakLine(2)
            default:
                let breaks = Self.paragraphs.contains(name) ? 2 : (Self.lines.contains(name) ? 1 : 0)
                if breaks > 0 { breakLine(breaks) }
                walk(node.pointee.children, depth: depth + 1)
                if breaks > 0 { breakLine(breaks) }
            }
        default:
            break
        }
    }

    func property(_ node: xmlNodePtr, _ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName).lowercased() == name {
                var value = ""
                var child = current.pointee.children
                while let piece = child {
                    if let content = piece.pointee.content { value += String(cString: content) }
                    child = piece.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    mutating func finish() -> String {
        // Trailing spaces off every line; never more than one blank line in a row.
        var lines = Lines.split(output).map { line in
            var line = Substring(line)
            while line.last == " " || line.last == "\u{00A0}" { line = line.dropLast() }
            return String(line)
        }
        var result: [String] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        while result.last?.isEmpty == true { result.removeLast() }
        lines = result
        return lines.joined(separator: "\n")
    }
}
