#include "csv_reader.h"

#include <algorithm>
#include <cctype>

namespace azllm {
namespace {

std::string normalizedName(const std::string &name)
{
    std::string out;
    for (char c : name)
        out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    const auto first = out.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return out.substr(first, out.find_last_not_of(" \t") - first + 1);
}

// One record starting at text[at]; advances at past its line break. False at end of text.
bool readRecord(const std::string &text, std::size_t &at, int &line, CsvRecord &record,
                std::string &error)
{
    if (at >= text.size())
        return false;
    record = CsvRecord{line, {}};
    std::string field;
    bool quoted = false, wasQuoted = false;
    while (at < text.size()) {
        const char c = text[at];
        if (quoted) {
            if (c == '"' && at + 1 < text.size() && text[at + 1] == '"') {
                field.push_back('"');
                at += 2;
                continue;
            }
            if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n')
                    ++line;
                field.push_back(c);
            }
            ++at;
            continue;
        }
        if (c == '"' && field.empty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            record.fields.push_back(field);
            field.clear();
            wasQuoted = false;
        } else if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
            // CRLF: the \n below ends the record
        } else if (c == '\n') {
            ++at;
            ++line;
            record.fields.push_back(field);
            return true;
        } else {
            field.push_back(c);
        }
        ++at;
    }
    if (quoted) {
        error = "a quoted field opened here is never closed";
        return true;
    }
    record.fields.push_back(field);
    return true;
}

bool isBlank(const CsvRecord &record)
{
    return record.fields.size() == 1 &&
           record.fields[0].find_first_not_of(" \t\r") == std::string::npos;
}

} // namespace

int CsvTable::column(const std::string &name) const
{
    const auto it = std::find_if(header.begin(), header.end(), [&](const std::string &h) {
        return normalizedName(h) == normalizedName(name);
    });
    return it == header.end() ? -1 : int(it - header.begin());
}

CsvTable parseCsv(const std::string &input)
{
    const std::string bom = "\xEF\xBB\xBF";
    const std::string text =
        input.compare(0, bom.size(), bom) == 0 ? input.substr(bom.size()) : input;
    CsvTable table;
    std::size_t at = 0;
    int line = 1;
    CsvRecord record;
    bool headerRead = false;
    std::string error;
    while (readRecord(text, at, line, record, error)) {
        if (!error.empty()) {
            table.problems.push_back({record.line, error});
            break;
        }
        if (isBlank(record))
            continue;
        if (!headerRead) {
            table.header = record.fields;
            headerRead = true;
            continue;
        }
        if (record.fields.size() != table.header.size()) {
            table.problems.push_back({record.line, "has " + std::to_string(record.fields.size()) +
                                                       " fields, the header has " +
                                                       std::to_string(table.header.size()) +
                                                       " (a comma inside an unquoted field?)"});
            continue;
        }
        table.records.push_back(record);
    }
    return table;
}

} // namespace azllm
