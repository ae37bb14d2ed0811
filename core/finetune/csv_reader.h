// CSV as RFC 4180 writes it: comma-separated fields, fields in double quotes may hold commas,
// line breaks and doubled quotes (""), records end at CRLF or LF. A header row names the
// columns. Reads UTF-8 (a BOM is dropped); every record remembers the line it starts on, so
// problems are reported as file:line.
#pragma once

#include <string>
#include <vector>

namespace azllm {

struct CsvRecord
{
    int line = 0; // 1-based line where the record starts
    std::vector<std::string> fields;
};

struct CsvProblem
{
    int line = 0;
    std::string reason;
};

struct CsvTable
{
    std::vector<std::string> header;
    std::vector<CsvRecord> records;
    std::vector<CsvProblem> problems; // records left out (wrong field count, broken quoting)

    // Column index of a header name, compared without case and surrounding spaces; -1 if none.
    int column(const std::string &name) const;
};

// Parses text (a whole file's contents). Records whose field count differs from the header's
// are reported and left out; an unterminated quote reports its starting line and ends parsing.
CsvTable parseCsv(const std::string &text);

} // namespace azllm
