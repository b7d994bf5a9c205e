// The Word policy parser: a `.docx` (a ZIP of WordprocessingML) read into the policy model.

import CLibXML2
import Foundation
import ZIPFoundation

/// Reads a policy saved from Word as `.docx`: the paragraphs of `word/document.xml` (tables and content
/// controls included), headings by their style (Heading 1–6, Title, or an outline level), list
/// paragraphs by their numbering or a List style. Tracked deletions, field codes and the fallback copies
/// of drawings are not text a reader sees, and are left out.
///
/// A `.docx` has no lines, so the document is given as text with one paragraph per line: line N of a
/// finding is the document's Nth paragraph that has text, and reports quote that text. Its kind is
/// the Category in the document's properties (File → Properties in Word: `moderation`, `faq`), else
/// the file name, as for other policies.
public enum DocxPolicyParser {
    public struct Parsed: Sendable {
        public var content: ParsedPolicyContent
        /// The paragraphs, one per line: what line numbers count.
        public var text: String
        /// `cp:category` from the document's properties, if set.
        public var category: String?
    }

    /// The most `word/document.xml` may hold once unpacked; a real policy is well under a megabyte.
    public static let maxDocumentBytes = 64 << 20

    private static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let libraryInitialized: Void = xmlInitParser()

    /// The parsed document, or a one-line reason it cannot be read.
    public static func parse(_ data: Data, maxBytes: Int = maxDocumentBytes) -> Result<Parsed, ParseFailure> {
        _ = libraryInitialized
        let archive: Archive
        do {
            archive = try openArchive(data)
        } catch {
            return .failure(ParseFailure("this .docx is not a ZIP archive (damaged, or another format renamed); open it in Word and save it again as .docx"))
        }
        let documentXML: Data
        switch extract("word/document.xml", from: archive, maxBytes: maxBytes) {
        case .success(let data?): documentXML = data
        case .success(nil):
            return .failure(ParseFailure("this .docx has no word/document.xml, so it is not a Word document; save it again from Word as .docx"))
        case .failure(let failure): return .failure(failure)
        }
        var styles = DocxStyles()
        if case .success(let data?) = extract("word/styles.xml", from: archive, maxBytes: maxBytes) {
            withXML(data) { styles = DocxStyles(document: $0) }
        }
        var category: String?
        if case .success(let data?) = extract("docProps/core.xml", from: archive, maxBytes: maxBytes) {
            withXML(data) { document in
                category = firstElement(named: "category", in: xmlDocGetRootElement(document)).map(textOf)?.collapsingWhitespace
            }
        }
        var result: Parsed?
        let parsed = withXML(documentXML) { document in
            var reader = DocxBodyReader(styles: styles)
            reader.read(xmlDocGetRootElement(document))
            result = Parsed(content: reader.finish(), text: reader.lines.joined(separator: "\n") + "\n", category: category.flatMap { $0.isEmpty ? nil : $0 })
        }
        guard parsed, let result else {
            return .failure(ParseFailure("word/document.xml in this .docx is not well-formed XML; open it in Word and save it again"))
        }
        return .success(result)
    }

    /// The archive, read from a temporary file holding `data` (removed as soon as it is open).
    /// ZIPFoundation's in-memory archive traps on a ZIP whose directory points past the end of the
    /// data (it seeks there, then reads a negative count: found by the fuzz target); a file-backed
    /// archive reads short there and throws. `data` is already within limits.file-size.
    private static func openArchive(_ data: Data) throws -> Archive {
        var template = Array((NSTemporaryDirectory() + "/replylint-docx-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let path = String(cString: template)
        defer { unlink(path) }
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let count = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        close(descriptor)
        guard written else { throw CocoaError(.fileWriteUnknown) }
        // The archive keeps the file open; the name is removed on return, so nothing is left behind.
        return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    }

    public struct ParseFailure: Error, Sendable {
        public var message: String
        /// The document is larger than the limit once unpacked (a `limit-exceeded` finding), not damaged.
        public var isLimit: Bool
        init(_ message: String, isLimit: Bool = false) {
            self.message = message
            self.isLimit = isLimit
        }
    }

    /// A member's bytes (nil when the archive has no such member), stopped as soon as they pass the
    /// limit: a ZIP's stated size may lie.
    private static func extract(_ path: String, from archive: Archive, maxBytes: Int) -> Result<Data?, ParseFailure> {
        struct TooLarge: Error {}
        guard let entry = archive[path] else { return .success(nil) }
        let limit = maxBytes >= 1 << 20 ? "\(maxBytes >> 20) MB" : "\(maxBytes) bytes"
        let tooLarge = ParseFailure("\(path) unpacks to more than \(limit); a policy is far smaller, so this file is not read", isLimit: true)
        guard entry.uncompressedSize <= UInt64(maxBytes) else { return .failure(tooLarge) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maxBytes { throw TooLarge() }
            }
        } catch is TooLarge {
            return .failure(tooLarge)
        } catch {
            return .failure(ParseFailure("\(path) in this .docx cannot be unpacked (damaged archive); open it in Word and save it again"))
        }
        return .success(data)
    }

    /// Parses XML without network access or entity expansion, and hands the tree to `body`; false if it does not parse.
    @discardableResult
    private static func withXML(_ data: Data, _ body: (xmlDocPtr) -> Void) -> Bool {
        guard !data.isEmpty, data.count < Int(Int32.max) else { return false }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, options)
        }
        guard let document else { return false }
        defer { xmlFreeDoc(document) }
        body(document)
        return true
    }

    static func isWord(_ node: xmlNodePtr) -> Bool {
        guard let namespace = node.pointee.ns, let href = namespace.pointee.href else { return false }
        return String(cString: href) == wordNamespace
    }

    static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// A `w:` attribute's value (`w:val`).
    static func wordAttribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var property = node.pointee.properties
        while let attribute = property {
            if let attributeName = attribute.pointee.name, String(cString: attributeName) == name {
                var value = ""
                var child = attribute.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            property = attribute.pointee.next
        }
        return nil
    }

    static func children(_ node: xmlNodePtr?) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node?.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    static func firstElement(named name: String, in root: xmlNodePtr?) -> xmlNodePtr? {
        var stack = root.map { [$0] } ?? []
        while let node = stack.popLast() {
            if localName(node) == name { return node }
            stack.append(contentsOf: children(node).reversed())
        }
        return nil
    }

    /// The text of the text nodes under `node`, in order.
    static func textOf(_ node: xmlNodePtr) -> String {
        var text = ""
        var stack: [xmlNodePtr] = [node]
        while let current = stack.popLast() {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                if let content = current.pointee.content { text += String(cString: content) }
                continue
            }
            var children: [xmlNodePtr] = []
            var child = current.pointee.children
            while let next = child {
                children.append(next)
                child = next.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
        return text
    }
}

/// What `word/styles.xml` says about paragraph styles: which are headings (and their level) and which are lists.
struct DocxStyles {
    private var headingLevel: [String: Int] = [:]
    private var listStyles: Set<String> = []

    init() {}

    init(document: xmlDocPtr) {
        var names: [String: String] = [:]
        var basedOn: [String: String] = [:]
        var outline: [String: Int] = [:]
        for style in DocxPolicyParser.children(xmlDocGetRootElement(document)) where DocxPolicyParser.localName(style) == "style" {
            guard let id = DocxPolicyParser.wordAttribute(style, "styleId") else { continue }
            for property in DocxPolicyParser.children(style) {
                switch DocxPolicyParser.localName(property) {
                case "name": names[id] = DocxPolicyParser.wordAttribute(property, "val")?.lowercased()
                case "basedOn": basedOn[id] = DocxPolicyParser.wordAttribute(property, "val")
                case "pPr":
                    for setting in DocxPolicyParser.children(property) where DocxPolicyParser.localName(setting) == "outlineLvl" {
                        if let level = DocxPolicyParser.wordAttribute(setting, "val").flatMap(Int.init), (0...5).contains(level) {
                            outline[id] = level + 1
                        }
                    }
                default: break
                }
            }
        }
        for id in names.keys {
            // Follow basedOn a few steps: a custom "Policy heading" based on Heading 2 is a heading.
            var current: String? = id
            var steps = 0
            while let style = current, steps < 8 {
                if let level = Self.level(ofName: names[style] ?? "") ?? outline[style] {
                    headingLevel[id] = level
                    break
                }
                if (names[style] ?? "").hasPrefix("list") { listStyles.insert(id) }
                current = basedOn[style]
                steps += 1
            }
        }
    }

    /// "heading 2" → 2, "title" → 1.
    static func level(ofName name: String) -> Int? {
        if name == "title" { return 1 }
        guard name.hasPrefix("heading") else { return nil }
        let digits = name.dropFirst("heading".count).filter { $0 != " " }
        return Int(digits).flatMap { (1...6).contains($0) ? $0 : nil }
    }

    func headingLevel(ofStyle id: String) -> Int? {
        headingLevel[id] ?? Self.level(ofName: id.lowercased())
    }

    func isList(_ id: String) -> Bool {
        listStyles.contains(id) || id.lowercased().hasPrefix("list")
    }
}

/// Walks `w:body`: paragraphs, tables, content controls; each paragraph with text becomes a line.
private struct DocxBodyReader {
    let styles: DocxStyles
    var builder = PolicyContentBuilder()
    var lines: [String] = []

    init(styles: DocxStyles) {
        self.styles = styles
    }

    /// Elements whose text a reader does not see: deleted text, field instructions, drawings' fallbacks.
    private static let hidden: Set<String> = ["del", "delText", "instrText", "Fallback", "rPrChange", "pPrChange", "vanish"]

    mutating func read(_ root: xmlNodePtr?) {
        guard let root else { return }
        // Paragraphs at any depth (tables, content controls, text boxes), in document order, without recursion.
        var stack: [xmlNodePtr] = DocxPolicyParser.children(root).reversed()
        while let node = stack.popLast() {
            let name = DocxPolicyParser.localName(node)
            if Self.hidden.contains(name) { continue }
            if name == "p" && DocxPolicyParser.isWord(node) {
                paragraph(node)
                continue
            }
            stack.append(contentsOf: DocxPolicyParser.children(node).reversed())
        }
    }

    private mutating func paragraph(_ node: xmlNodePtr) {
        var style: String?
        var outline: Int?
        var numbered = false
        var text = ""
        var stack: [xmlNodePtr] = DocxPolicyParser.children(node).reversed()
        while let child = stack.popLast() {
            let name = DocxPolicyParser.localName(child)
            if Self.hidden.contains(name) { continue }
            switch name {
            case "pPr":
                for setting in DocxPolicyParser.children(child) {
                    switch DocxPolicyParser.localName(setting) {
                    case "pStyle": style = DocxPolicyParser.wordAttribute(setting, "val")
                    case "outlineLvl": outline = DocxPolicyParser.wordAttribute(setting, "val").flatMap(Int.init).map { $0 + 1 }
                    case "numPr":
                        let numberID = DocxPolicyParser.children(setting).first { DocxPolicyParser.localName($0) == "numId" }
                        numbered = numberID.flatMap { DocxPolicyParser.wordAttribute($0, "val") } != "0"
                    default: break
                    }
                }
            case "rPr":
                continue
            case "t":
                text += DocxPolicyParser.textOf(child)
            case "tab", "br", "cr":
                text += " "
            case "noBreakHyphen":
                text += "-"
            case "p":
                // A paragraph inside a text box inside this one: read as part of it.
                stack.append(contentsOf: DocxPolicyParser.children(child).reversed())
            default:
                stack.append(contentsOf: DocxPolicyParser.children(child).reversed())
            }
        }
        let clean = text.collapsingWhitespace
        guard !clean.isEmpty else { return }
        lines.append(clean)
        let position = TextPosition(line: lines.count, column: 1)
        if let level = style.flatMap(styles.headingLevel(ofStyle:)) ?? outline.flatMap({ (1...6).contains($0) ? $0 : nil }) {
            var heading = clean
            var id: String?
            var classes: [String] = []
            if let attributes = HeadingAttributes.split(clean) {
                heading = attributes.text.collapsingWhitespace
                id = attributes.id
                classes = attributes.classes
            }
            builder.addHeading(heading, level: level, id: id ?? heading.slug, hasExplicitID: id != nil, classes: classes, at: position)
        } else if numbered || style.map(styles.isList) == true {
            builder.fill(builder.reserveListItem(at: position), with: clean)
        } else {
            builder.addParagraph(clean, at: position)
        }
    }

    func finish() -> ParsedPolicyContent {
        builder.build(title: builder.firstLevel1Heading, declaredKind: nil)
    }
}
