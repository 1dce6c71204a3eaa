// Values kept per (row, column) of a band: each row holds a window of columns that grows both ways
// as columns are asked for. The beads the dynamic programming prices lie in a band around a path,
// so each row meets a short run of columns and neighbouring beads read neighbouring cells: far
// cheaper than a hash table (a cache miss per look-up) and far smaller than a full matrix.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace alinea {

template <typename Cell>
class RowWindows {
 public:
  // `columns`: columns run from 0 to columns - 1. `widest`: a row never holds more cells than this;
  // a column beyond reach of a full window is not kept (at() gives null).
  RowWindows(std::size_t rows, std::size_t columns, std::size_t widest = columns_unbounded)
      : rows_(rows), columns_(columns), widest_(std::min(widest, columns)) {}

  static constexpr std::size_t columns_unbounded = ~std::size_t{0};

  // The cell of (row, column), the row's window grown to hold it (cells added are `Cell{}`); null
  // when the window would grow wider than `widest`. A pointer taken before is invalidated when
  // the row grows.
  [[nodiscard]] Cell* at(std::size_t row, std::size_t column) {
    // Cells added beyond the one asked for, so that a window grows by steps, not cell by cell.
    constexpr std::size_t margin = 8;
    Row& found = rows_[row];
    std::vector<Cell>& cells = found.cells;
    const std::size_t step = std::max(margin, cells.size() / 2);
    if (cells.empty()) {
      found.first = column - std::min({column, margin, widest_ / 2});
      cells.resize(std::min({columns_, column + margin + 1, found.first + widest_}) - found.first);
    } else if (column < found.first) {
      const std::size_t needed = found.first - column + cells.size();
      if (needed > widest_) return nullptr;
      const std::size_t first = column - std::min({step, column, widest_ - needed});
      cells.insert(cells.begin(), found.first - first, Cell{});
      found.first = first;
    } else if (column >= found.first + cells.size()) {
      if (column + 1 - found.first > widest_) return nullptr;
      cells.resize(std::min({columns_, column + 1 + step, found.first + widest_}) - found.first);
    }
    return &cells[column - found.first];
  }

  // Cells held in all rows (for tests and memory accounting).
  [[nodiscard]] std::size_t cells() const {
    std::size_t total = 0;
    for (const Row& row : rows_) total += row.cells.size();
    return total;
  }

 private:
  struct Row {
    std::size_t first = 0;
    std::vector<Cell> cells;
  };
  std::vector<Row> rows_;
  std::size_t columns_;
  std::size_t widest_;
};

}  // namespace alinea
