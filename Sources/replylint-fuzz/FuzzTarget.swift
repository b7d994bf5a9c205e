// A fuzz target for the parsers a library feeds: reply files (front matter and body), YAML collections
// of replies, templates (parse, worst case, render with partials), Markdown, HTML, plain-text and Word
// (.docx: a ZIP of XML) policies, and `replylint.yml`. The first byte of an input picks the parser; the
// rest is the file.
//
// Built with libFuzzer by `scripts/fuzz.sh` (`swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING`, which
// runs libFuzzer's driver from `main`);
// built normally, `replylint-fuzz FILE...` runs the same target over saved inputs (a crash libFuzzer
// wrote, a corpus) and prints the time each took, so a finding can be replayed under the debugger.

import Foundation
import ReplyLint

enum FuzzTarget {
    /// A library the inputs are linted and rendered in: one FAQ entry, a signature partial.
    static let faq: PolicyDocument = {
        var problems: [FileProblem] = []
        return PolicyLoader.parse("# FAQ\n\n## Missed bins {#missed-collection}\n\nWe collect every week.\n", file: "policies/faq.md", problems: &problems)
    }()

    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let selector = bytes.first else { return }
        let text = Lines.normalizingEndings(String(decoding: bytes.dropFirst(), as: UTF8.self))
        var library = Library(policies: [faq])
        library.configuration.accounts = ["x": "1490000000000000000"]
        library.configuration.teamName = "Riverton City Services"
        switch selector % 8 {
        case 0:
            // A reply file, linted with every rule.
            library.replies = [ReplyParser.parse(text, file: "replies/fuzz.md", defaultID: "fuzz", knownRules: RuleRegistry.ids, mediaExists: { _ in true })]
            library.sources["replies/fuzz.md"] = text
            lintAndRender(library)
        case 1:
            // A YAML collection of replies.
            if case .success(let replies) = ReplyParser.parseCollection(text, file: "replies/fuzz.yml", idPrefix: "fuzz", knownRules: RuleRegistry.ids, mediaExists: { _ in true }) {
                library.replies = replies
                library.sources["replies/fuzz.yml"] = text
                lintAndRender(library)
            }
        case 2:
            // A reply body and partials, separated by NUL: "body\0name=partial text\0…".
            let parts = text.split(separator: "\u{0}", omittingEmptySubsequences: false)
            for part in parts.dropFirst() {
                let name = String(part.prefix { $0 != "=" })
                library.partials[name] = Partial(name: name, file: "replies/_partials/\(name).mustache", text: String(part.dropFirst(name.count + 1)))
            }
            let body = String(parts.first ?? "")
            library.replies = [Reply(id: "fuzz", file: "replies/fuzz.md", faq: Located("missed-collection", at: TextPosition(line: 2, column: 6)),
                                     channels: [Located("x-reply", at: TextPosition(line: 3, column: 12)), Located("sms", at: TextPosition(line: 3, column: 21))],
                                     body: body, bodyStart: TextPosition(line: 5, column: 1))]
            library.sources["replies/fuzz.md"] = body
            lintAndRender(library)
        case 3:
            var problems: [FileProblem] = []
            library.policies.append(PolicyLoader.parse(text, file: "policies/moderation.md", problems: &problems))
            _ = Linter().lint(library)
        case 4:
            var problems: [FileProblem] = []
            library.policies.append(PolicyLoader.parse(text, file: "policies/moderation.html", problems: &problems))
            _ = Linter().lint(library)
        case 6:
            var problems: [FileProblem] = []
            library.policies.append(PolicyLoader.parse(text, file: "policies/moderation.txt", problems: &problems))
            _ = Linter().lint(library)
        case 7:
            // The bytes of a .docx, unpacked within the default limits.
            var problems: [FileProblem] = []
            if let (policy, source) = PolicyLoader.parseDocx(Data(bytes.dropFirst()), file: "policies/moderation.docx", problems: &problems) {
                library.policies.append(policy)
                library.sources["policies/moderation.docx"] = source
                _ = Linter().lint(library)
            }
        default:
            if let configuration = try? Configuration.parse(text, file: "replylint.yml", rules: RuleRegistry.descriptions) {
                library.configuration = configuration
                _ = Linter().lint(library)
            }
        }
    }

    /// Lints `library` and renders each reply for each of its channels with ordinary values.
    static func lintAndRender(_ library: Library) {
        _ = Linter().lint(library)
        let renderer = ReplyRenderer(library: library)
        let values = TemplateValue.placeholderValues([
            "customer.first_name": .string("Ana"), "agent.full_name": .string("Jordan Reyes"),
            "items": .list([.string("one"), .string("two")]), "flag": .bool(true),
        ])
        for reply in library.replies {
            for channel in reply.channelIDs { _ = try? renderer.render(id: reply.id, channel: channel, values: values) }
        }
    }
}

/// libFuzzer's driver, given our target (the fuzzer build links libFuzzer; SwiftPM supplies `main`).
#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The entry libFuzzer's own `main` calls, when the linker takes that one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#endif

@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in
            FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        })
        #else
        let files = CommandLine.arguments.dropFirst()
        if files.isEmpty {
            FileHandle.standardError.write(Data("usage: replylint-fuzz FILE... (runs the fuzz target over saved inputs; scripts/fuzz.sh fuzzes)\n".utf8))
            exit(2)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("\(file): cannot read")
                continue
            }
            let start = ContinuousClock.now
            data.withUnsafeBytes { FuzzTarget.run($0) }
            print("\(file): \(data.count) bytes, \(ContinuousClock.now - start)")
        }
        #endif
    }
}
