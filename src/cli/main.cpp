// unres: check, convert and list the rules of United Nations resolutions.
// The contract (subcommands, options, exit codes) is design/INTERFACE.md.
#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "lsan_suppressions.hpp"
#include "cli/diff.hpp"
#include "unres/source.hpp"

namespace {

using namespace unres::cli;

const std::vector<std::string> kInputFormats = {"auto", "text", "markdown", "akn", "docx"};

CLI::App* add_check(CLI::App& app, CheckOptions& check) {
    const std::vector<std::string>& input_formats = kInputFormats;
    CLI::App* c = app.add_subcommand("check", "Validate resolutions and print diagnostics");
    c->add_option("PATH", check.paths, "Files, directories (recursive) or - for standard input")->required();
    c->add_option("--input-format", check.input_format, "Input format (default: decided from the content)")
        ->check(CLI::IsMember(input_formats));
    c->add_option("--format", check.format, "Output: text (stderr), json, sarif, github, html (stdout)")
        ->check(CLI::IsMember({"text", "json", "sarif", "github", "html"}));
    c->add_option("--select", check.select, "Only these rules: comma list of ids or prefixes (UNR101,UNR2)");
    c->add_option("--ignore", check.ignore, "Skip these rules: comma list of ids or prefixes");
    c->add_flag("--werror", check.werror, "Treat warnings as errors");
    c->add_option("-j,--jobs", check.jobs, "Files checked in parallel (default: all cores)")
        ->check(CLI::Range(0u, 1024u));
    c->add_flag("-q,--quiet", check.quiet, "Print the diagnostics only, no summary");
    c->add_flag("-v,--verbose", check.verbose, "List the files skipped in directories (not a type check reads)");
    c->add_option("--color", check.color, "Colours in text output: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));

    return c;
}

CLI::App* add_convert(CLI::App& app, ConvertOptions& conv) {
    const std::vector<std::string>& input_formats = kInputFormats;
    CLI::App* v = app.add_subcommand("convert", "Write a resolution as Akoma Ntoso, JSON, text or markdown");
    v->add_option("PATH", conv.path, "One file, - for standard input, or a directory (every file in it, into -o OUTDIR)")->required();
    v->add_option("--input-format", conv.input_format, "Input format (default: decided from the content)")
        ->check(CLI::IsMember(input_formats));
    v->add_option("--to", conv.to, "Output format: akn, json, text, markdown")
        ->required()
        ->check(CLI::IsMember({"akn", "json", "text", "markdown"}));
    v->add_option("-o,--output", conv.output,
                  "Output file, written atomically (default: standard output); for a directory PATH, the output directory");
    v->add_option("-j,--jobs", conv.jobs, "Directory PATH: files converted in parallel (default: all cores)")
        ->check(CLI::Range(0u, 1024u));
    v->add_flag("-q,--quiet", conv.quiet, "Directory PATH: no summary line");

    return v;
}

CLI::App* add_fix(CLI::App& app, FixCliOptions& fix) {
    const std::vector<std::string>& input_formats = kInputFormats;
    CLI::App* f = app.add_subcommand("fix", "Renumber, re-letter, re-footnote and update cross-references in place");
    f->add_option("PATH", fix.paths, "Files, directories (recursive) or - (standard input to standard output)")
        ->required();
    f->add_option("--input-format", fix.input_format, "Input format (default: decided from the content)")
        ->check(CLI::IsMember(input_formats));
    f->add_flag("--diff", fix.diff, "Print a unified diff of the fixes on standard output; change nothing");
    f->add_flag("--check", fix.check, "Exit 1 when something would be fixed; change nothing");
    f->add_option("--select", fix.select, "Only these fix families: UNR1 numbering, UNR2 footnotes, UNR4 references");
    f->add_option("--ignore", fix.ignore, "Skip these fix families (comma list of rule ids or prefixes)");
    f->add_flag("-q,--quiet", fix.quiet, "Print nothing but errors (and the diff)");
    f->add_flag("-v,--verbose", fix.verbose, "List the files skipped in directories (fix reads .md, .markdown, .txt, .text)");

    return f;
}

CLI::App* add_diff(CLI::App& app, DiffCliOptions& diff) {
    const std::vector<std::string>& input_formats = kInputFormats;
    CLI::App* d = app.add_subcommand("diff", "Compare two versions paragraph by paragraph (exit 0 same, 1 different)");
    d->add_option("OLD", diff.old_path, "The older version (a file, or - for standard input)")->required();
    d->add_option("NEW", diff.new_path, "The newer version (a file, or - for standard input)")->required();
    d->add_option("--input-format", diff.input_format, "Input format of both (default: decided from the content)")
        ->check(CLI::IsMember(input_formats));
    d->add_option("--format", diff.format, "Output: text (default), json, html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    d->add_option("--color", diff.color, "Colours in text output: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    d->add_option("-o,--output", diff.output, "Output file, written atomically (default: standard output)");

    return d;
}

/// A first word that is not an option nor a subcommand: say so plainly (true when it did).
bool unknown_command(const CLI::App& app, int argc, char** argv) {
    if (argc <= 1) return false;
    std::string first = argv[1];
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) known = known || sub->get_name() == first;
    if (first.empty() || first[0] == '-' || known) return false;
    std::cerr << "unres: unknown command '" << first << "' (see unres --help)\n";
    return true;
}

/// Parses the command line; an exit code when that is all there is to do (help, version, an error).
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& ex) {
        return app.exit(ex) == 0 ? kExitOk : kExitUsage;
    } catch (const CLI::CallForAllHelp& ex) {
        return app.exit(ex) == 0 ? kExitOk : kExitUsage;
    } catch (const CLI::CallForVersion& ex) {
        return app.exit(ex) == 0 ? kExitOk : kExitUsage;
    } catch (const CLI::ParseError& ex) {
        std::cerr << "unres: " << ex.what() << " (see unres --help)\n";
        return kExitUsage;
    }
    return std::nullopt;
}

int main_impl(int argc, char** argv) {
    CLI::App app{"unres: parse, check and convert United Nations resolutions", "unres"};
    app.set_version_flag("--version", std::string("unres ") + UNRES_VERSION, "Print the version and exit");
    app.require_subcommand(1, 1);
    app.fallthrough(false);

    CheckOptions check;
    CLI::App* c = add_check(app, check);
    ConvertOptions conv;
    CLI::App* v = add_convert(app, conv);
    FixCliOptions fix;
    CLI::App* f = add_fix(app, fix);
    std::string rules_format = "text";
    CLI::App* r = app.add_subcommand("rules", "List every rule: id, name, default severity, summary");
    r->add_option("--format", rules_format, "text, md or json")->check(CLI::IsMember({"text", "md", "json"}));

    std::string rule;
    CLI::App* e = app.add_subcommand("explain", "Print one rule's documentation");
    e->add_option("RULE", rule, "Rule id (UNR101) or name")->required();

    DiffCliOptions diff;
    CLI::App* d = add_diff(app, diff);

    if (unknown_command(app, argc, argv)) return kExitUsage;
    if (std::optional<int> done = parse_command_line(app, argc, argv)) return *done;

    if (c->parsed()) return run_check(check);
    if (v->parsed()) return run_convert(conv);
    if (r->parsed()) return run_rules(rules_format);
    if (e->parsed()) return run_explain(rule);
    if (f->parsed()) return run_fix(fix);
    if (d->parsed()) return run_diff(diff);
    std::cerr << "unres: no command given (see unres --help)\n";
    return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe is a write error (exit 2), not a death by signal.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        return main_impl(argc, argv);
    } catch (const UsageError& ex) {
        std::cerr << "unres: " << ex.what() << '\n';
    } catch (const unres::InputError& ex) {
        std::cerr << "unres: " << ex.what() << '\n';
    } catch (const std::bad_alloc&) {
        std::cerr << "unres: out of memory\n";
    } catch (const std::exception& ex) {
        std::cerr << "unres: internal error: " << ex.what() << '\n';
    } catch (...) {
        std::cerr << "unres: internal error\n";
    }
    return kExitUsage;
}
