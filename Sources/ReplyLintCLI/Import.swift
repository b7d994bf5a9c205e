// `replylint import`: a helpdesk's saved replies (Zendesk macros, Help Scout saved replies, …) as reply files.

import ArgumentParser
import Foundation
import ReplyLint

extension InterchangeFormat: ExpressibleByArgument {}

extension ReplyLintCommand {
    package struct Import: ParsableCommand {
        package init() {}

        package static let configuration = CommandConfiguration(
            commandName: "import",
            _superCommandName: "replylint",
            abstract: "Bring in saved replies from Zendesk, Help Scout, Freshdesk, Front, Intercom, Chatwoot, GitHub or a JSON/CSV/Markdown file.",
            discussion: """
                Writes one reply file per record under replies/imported/FORMAT/, placeholders converted to \
                ReplyLint's names with their fallbacks, an FAQ stub (policies/imported-FORMAT-faq.md) listing the \
                imported replies for review, and the source's usage counts where faq-unused reads them. Existing \
                files are never overwritten without --force. What could not be converted is listed, and written \
                as '# Review:' comments in the reply files. See docs/import.md.
                Exit status: 0 imported, 1 records were found but none could be imported, 2 the file is not the \
                named format (or another reason the import could not be done).
                """)

        @Argument(help: ArgumentHelp("zendesk, helpscout, freshdesk, front, intercom, chatwoot, github, json, csv or markdown.", valueName: "FORMAT"))
        var format: InterchangeFormat

        @Argument(help: ArgumentHelp("The exported file(s).", valueName: "FILE"))
        var files: [String]

        @Option(help: ArgumentHelp("The library to import into (default: the current one).", valueName: "DIR"))
        var into: String?

        @Flag(help: "Print what would be written, and write nothing.")
        var dryRun = false

        @Flag(help: "Overwrite files an earlier import wrote.")
        var force = false

        @Option(help: ArgumentHelp("The channels for replies whose source does not say (comma-separated), e.g. x-reply,x-dm.", valueName: "C,..."))
        var channels: String?

        @OptionGroup var library: LibraryOptions

        /// Source files larger than this are refused: no helpdesk export of replies comes near it.
        static let maximumFileSize = 64 * 1024 * 1024

        package func run() throws {
            let cwd = library.workingDirectory
            let root = into.map { $0.hasPrefix("/") ? $0 : (cwd as NSString).appendingPathComponent($0) } ?? library.root
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LoadError("\(into ?? root): no such folder; --into takes the library's folder")
            }
            let configuration = try LibraryLoader.loadConfiguration(
                root: root, explicitFile: into == nil ? library.config : nil, displayBase: cwd, rules: RuleRegistry.descriptions)
            var chosen: [String]?
            if let channels {
                let ids = channels.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for id in ids where configuration.channels[id] == nil {
                    throw LoadError("--channels: unknown channel '\(id)'\(Channel.hint(for: id, in: configuration.channels.keys)); channels: \(configuration.channels.keys.sorted().joined(separator: ", "))")
                }
                guard !ids.isEmpty else { throw LoadError("--channels takes channel ids separated by commas, e.g. x-reply,x-dm") }
                chosen = ids
            }

            var sources: [ImportSource] = []
            for file in files {
                let path = file.hasPrefix("/") ? file : (cwd as NSString).appendingPathComponent(file)
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                guard let size = attributes?[.size] as? Int, attributes?[.type] as? FileAttributeType != .typeDirectory else {
                    throw LoadError("\(file): no such file")
                }
                guard size <= Self.maximumFileSize else { throw LoadError("\(file): \(size / 1_048_576) MB is larger than any export of saved replies; split it") }
                guard let data = FileManager.default.contents(atPath: path) else { throw LoadError("\(file): cannot read this file; check its permissions") }
                guard let text = String(data: data, encoding: .utf8) else { throw LoadError("\(file): not UTF-8 text; export it as UTF-8") }
                do {
                    sources.append(ImportSource(name: file, batch: try Interchange.decode(text, as: format)))
                } catch {
                    throw LoadError("\(file):\(error.description)")
                }
            }

            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd"
            formatter.locale = Locale(identifier: "en_US_POSIX")
            let configPath = (root as NSString).appendingPathComponent(LibraryLoader.configFileName)
            let planner = ImportPlanner(
                format: format, configuration: configuration, channels: chosen,
                configText: try? String(contentsOfFile: configPath, encoding: .utf8),
                usageText: nil, date: formatter.string(from: Date()))
            var withUsage = planner
            withUsage.usageText = try? String(contentsOfFile: (root as NSString).appendingPathComponent(planner.usagePath()), encoding: .utf8)
            let plan: ImportPlan
            do {
                plan = try withUsage.plan(sources)
            } catch {
                throw LoadError(error.description)
            }

            let shownRoot = into ?? "."
            func shown(_ path: String) -> String { shownRoot == "." ? path : (shownRoot as NSString).appendingPathComponent(path) }
            let existing = plan.files.filter { $0.kind == .new && FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent($0.path)) }
            if !existing.isEmpty && !force {
                let listed = existing.prefix(3).map { shown($0.path) }.joined(separator: ", ")
                throw LoadError("\(existing.count) file(s) already exist (\(listed)\(existing.count > 3 ? ", …" : "")); nothing was written. Pass --force to overwrite them, or --into another library")
            }

            // A file of the library that is a link out of it (replies/x.md -> ~/.bashrc) is never written
            // through, --force or not: checked for every file before any is written.
            if let outside = plan.files.first(where: { !LibraryLoader.writesInside((root as NSString).appendingPathComponent($0.path), root: root) }) {
                throw LoadError("\(shown(outside.path)): a link to a file outside the library; import never writes through one, so nothing was written. Remove the link, or import --into another library")
            }

            if dryRun {
                for file in plan.files {
                    print("--- would \(file.kind == .update ? "update" : "write") \(shown(file.path))")
                    print(file.contents, terminator: file.contents.hasSuffix("\n") ? "" : "\n")
                }
            } else {
                for file in plan.files {
                    let path = (root as NSString).appendingPathComponent(file.path)
                    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    do {
                        try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path))
                    } catch {
                        throw LoadError("\(shown(file.path)): cannot write this file (\(error.localizedDescription))")
                    }
                }
            }
            print(Self.summary(plan, format: format, sources: files, channels: chosen, dryRun: dryRun, shown: shown))
            let found = plan.entries.count + plan.skipped.count
            if found > 0 && plan.entries.isEmpty { throw ExitCode(1) }
        }

        static func summary(_ plan: ImportPlan, format: InterchangeFormat, sources: [String], channels: [String]?, dryRun: Bool, shown: (String) -> String) -> String {
            var lines: [String] = []
            let verb = dryRun ? "would import" : "imported"
            let folder = plan.entries.first.map { shown(($0.path as NSString).deletingLastPathComponent) }
            lines.append("\(dryRun ? "dry run, nothing written: " : "")\(verb) \(plan.entries.count) \(plan.entries.count == 1 ? "reply" : "replies") from \(sources.joined(separator: ", ")) (\(format.displayName))" + (folder.map { " under \($0.components(separatedBy: "/imported/").first ?? $0)/imported/\(format.rawValue)/" } ?? ""))
            if !plan.entries.isEmpty {
                var parts: [String] = []
                if plan.channelsStated > 0 { parts.append("\(plan.channelsStated) as the source states") }
                if plan.channelsFromVisibility > 0 { parts.append("\(plan.channelsFromVisibility) from its public/private setting, picked from --channels") }
                if plan.channelsGuessed > 0 { parts.append("\(plan.channelsGuessed) guessed: the source does not say, so --channels \(channels?.joined(separator: ",") ?? "") was used") }
                lines.append("channels: " + parts.joined(separator: "; "))
            }
            if !plan.skipped.isEmpty {
                lines.append("not imported (\(plan.skipped.count)):")
                for (source, record) in plan.skipped { lines.append("  \(source): \(record.label): \(record.reason)") }
            }
            let notes = plan.entries.flatMap { entry in entry.record.notes.map { (entry, $0) } }
            if !notes.isEmpty {
                lines.append("to review (\(notes.count), also written as '# Review:' lines in the files):")
                for (entry, note) in notes { lines.append("  \(shown(entry.path)): \(entry.record.label): \(note)") }
            }
            if let stub = plan.faqStub {
                lines.append("FAQ: \(shown(stub)) lists the imported replies as entries to review, so the first lint shows their real problems rather than one faq-unknown per reply")
            }
            if let usage = plan.usageFile {
                lines.append("usage: counts for \(plan.usageRows) \(plan.usageRows == 1 ? "reply" : "replies") in \(shown(usage)), which faq-unused reads")
            }
            for advice in plan.advice { lines.append("to do: \(advice)") }
            if !dryRun && !plan.entries.isEmpty { lines.append("next: replylint lint") }
            return lines.joined(separator: "\n")
        }
    }
}
