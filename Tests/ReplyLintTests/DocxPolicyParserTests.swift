// Tests for `.docx` policies: Word's paragraphs, heading styles and lists, read into the policy model.

import Foundation
import ReplyLint
import Testing
import ZIPFoundation

/// A `.docx` as Word writes one: a ZIP holding word/document.xml, and optionally styles and properties.
enum Docx {
    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    static func paragraph(_ text: String, style: String? = nil, numbered: Bool = false) -> String {
        var properties = ""
        if let style { properties += #"<w:pStyle w:val="\#(style)"/>"# }
        if numbered { properties += #"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>"# }
        let runs = text.components(separatedBy: "|").map { #"<w:r><w:t xml:space="preserve">\#($0)</w:t></w:r>"# }.joined()
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
    }

    static func document(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(namespaces)><w:body>\#(body)<w:sectPr/></w:body></w:document>"#
    }

    static let styles = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>
        <w:style w:type="paragraph" w:styleId="PolicyHeading"><w:name w:val="Policy heading"/><w:basedOn w:val="Titre2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Puce"><w:name w:val="List Bullet"/></w:style>
        </w:styles>
        """#

    static func archive(_ files: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static func file(body: String, category: String? = nil) throws -> Data {
        var files = ["word/document.xml": document(body), "word/styles.xml": styles, "[Content_Types].xml": "<Types/>"]
        if let category {
            files["docProps/core.xml"] = #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"><cp:category>\#(category)</cp:category></cp:coreProperties>"#
        }
        return try archive(files)
    }
}

@Suite("Word policy parser")
struct DocxPolicyParserTests {
    static let body = [
        Docx.paragraph("Comment policy", style: "Title"),
        Docx.paragraph("We reply to |questions about city services."),
        Docx.paragraph("What we remove", style: "Heading2"),
        Docx.paragraph("Comments that are abusive or spam.", numbered: true),
        Docx.paragraph("Comments that share someone's phone number.", style: "Puce"),
        Docx.paragraph(""),
        Docx.paragraph("When we are online", style: "PolicyHeading"),
        // A table cell, a tracked deletion and a field code: only what a reader sees is read.
        "<w:tbl><w:tr><w:tc>" + Docx.paragraph("Monday to Friday, 9am to 5pm.") + "</w:tc></w:tr></w:tbl>",
        #"<w:p><w:r><w:t>Closed on </w:t></w:r><w:del><w:r><w:delText>Sundays and </w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>holidays.</w:t></w:r></w:p>"#,
        Docx.paragraph("Disclaimer {.legal}", style: "Titre1"),
        Docx.paragraph("We are not liable."),
    ].joined()

    /// A ZIP whose central directory, or an entry's local header, is said to lie past the end of the
    /// file: ZIPFoundation's in-memory archive trapped on it (the fuzz target found one; a .docx in a
    /// library ended `lint` and `serve` with SIGILL). Now it is a file that cannot be read.
    @Test("a .docx whose directory points past its end is reported, not a crash", arguments: ["central directory", "local header"])
    func directoryPastTheEnd(field: String) throws {
        var bytes = [UInt8](try Docx.file(body: Docx.paragraph("Comment policy", style: "Heading1")))
        let endRecord = try #require((0...(bytes.count - 22)).reversed().first { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x05, 0x06] })
        let offset: Int
        if field == "central directory" {
            offset = endRecord + 16
        } else {
            let directory = Int(bytes[endRecord + 16]) | Int(bytes[endRecord + 17]) << 8 | Int(bytes[endRecord + 18]) << 16 | Int(bytes[endRecord + 19]) << 24
            offset = directory + 42
        }
        bytes.replaceSubrange(offset..<offset + 4, with: [0x00, 0xFF, 0xFF, 0x00])
        guard case .failure(let failure) = DocxPolicyParser.parse(Data(bytes)) else {
            Issue.record("a damaged archive parsed")
            return
        }
        #expect(!failure.message.isEmpty)
    }

    @Test func paragraphsHeadingsListsAndTablesBecomeTheModelOneParagraphPerLine() throws {
        let parsed = try DocxPolicyParser.parse(try Docx.file(body: Self.body)).get()
        #expect(parsed.text == """
            Comment policy
            We reply to questions about city services.
            What we remove
            Comments that are abusive or spam.
            Comments that share someone's phone number.
            When we are online
            Monday to Friday, 9am to 5pm.
            Closed on holidays.
            Disclaimer {.legal}
            We are not liable.

            """)
        let sections = parsed.content.sections.map { "\($0.level) \($0.heading) @\($0.position.line) \($0.classes)" }
        #expect(sections == [
            "1 Comment policy @1 []",
            "2 What we remove @3 []",
            "2 When we are online @6 []",
            "1 Disclaimer @9 [\"legal\"]",
        ])
        let remove = try #require(parsed.content.sections.first { $0.heading == "What we remove" })
        #expect(remove.listItems.map(\.text) == ["Comments that are abusive or spam.", "Comments that share someone's phone number."])
        #expect(remove.listItems.map(\.position.line) == [4, 5])
        #expect(parsed.content.sections[0].paragraphs.map(\.text) == ["We reply to questions about city services."])
        #expect(parsed.content.title == "Comment policy")
    }

    @Test func theCategoryPropertyGivesTheKindElseTheFileName() throws {
        var problems: [FileProblem] = []
        let declared = try #require(PolicyLoader.parseDocx(try Docx.file(body: Self.body, category: "Moderation"), file: "policies/social-media.docx", problems: &problems))
        #expect(declared.0.kind == .moderation)
        #expect(declared.0.format == .docx)
        let named = try #require(PolicyLoader.parseDocx(try Docx.file(body: Self.body), file: "policies/comment-policy.docx", problems: &problems))
        #expect(named.0.kind == .moderation)
        let other = try #require(PolicyLoader.parseDocx(try Docx.file(body: Self.body), file: "policies/about.docx", problems: &problems))
        #expect(other.0.kind == .other)
        #expect(problems.isEmpty)
    }

    @Test func aFileThatIsNotAWordDocumentIsOneLineSayingWhat() throws {
        var problems: [FileProblem] = []
        #expect(PolicyLoader.parseDocx(Data("not a zip".utf8), file: "policies/moderation.docx", problems: &problems) == nil)
        #expect(PolicyLoader.parseDocx(try Docx.archive(["readme.txt": "hello"]), file: "policies/moderation.docx", problems: &problems) == nil)
        #expect(PolicyLoader.parseDocx(try Docx.archive(["word/document.xml": "<w:document><unclosed"]), file: "policies/moderation.docx", problems: &problems) == nil)
        #expect(problems.map(\.message) == [
            "this .docx is not a ZIP archive (damaged, or another format renamed); open it in Word and save it again as .docx",
            "this .docx has no word/document.xml, so it is not a Word document; save it again from Word as .docx",
            "word/document.xml in this .docx is not well-formed XML; open it in Word and save it again",
        ])
        #expect(problems.allSatisfy { $0.kind == .unreadable && $0.file == "policies/moderation.docx" })
    }

    @Test func aDocumentThatUnpacksTooLargeIsNotRead() throws {
        let huge = Docx.document(String(repeating: Docx.paragraph("Spam will be removed."), count: 2000))
        let result = DocxPolicyParser.parse(try Docx.archive(["word/document.xml": huge]), maxBytes: 10_000)
        guard case .failure(let failure) = result else {
            Issue.record("a document over the limit was read")
            return
        }
        #expect(failure.message.contains("unpacks to more than"))
    }
}
