// One change of `alinea review`: made, saved, and told in a sentence.
#include <array>
#include <charconv>

#include "alinea/review.hpp"

namespace alinea {
namespace {

std::string counted(std::size_t count, const std::string& what) {
  return std::to_string(count) + " " + what + (count == 1 ? "" : "s");
}

// The shortest decimal that reads back as `value` ("0.5", not "0.500000").
std::string shortest(double value) {
  std::array<char, 32> buffer{};
  const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return error == std::errc{} ? std::string(buffer.data(), end) : std::to_string(value);
}

std::string side_of(const std::vector<std::string>& ids) {
  if (ids.empty()) return "∅";
  std::string text;
  for (const std::string& id : ids) text += (text.empty() ? "" : ",") + id;
  return text;
}

struct Made {
  Alignment alignment;
  std::string description;
};

struct MakeChange {
  const OpenedAlignment& opened;

  Made operator()(const AcceptUnits& change) const {
    return {accept_links(opened.alignment, opened.documents, change.units),
            "accepted the links of " + counted(change.units.size(), "unit")};
  }
  Made operator()(const AcceptAbove& change) const {
    return {accept_above(opened.alignment, opened.documents, change.threshold),
            "accepted the automatic links with confidence >= " + shortest(change.threshold)};
  }
  Made operator()(const LinkByHand& change) const {
    return {set_link(opened.alignment, opened.documents, change.source, change.target),
            "linked " + side_of(change.source) + " ↔ " + side_of(change.target)};
  }
  Made operator()(const NoteOnLink& change) const {
    return {attach_note(opened.alignment, opened.documents, change.unit, change.text),
            "noted the link of " + change.unit.to_string()};
  }
  Made operator()(const AcknowledgeOnLink& change) const {
    std::string description = "acknowledged";
    for (const std::string& rule : change.rules) description += " " + rule;
    return {acknowledge_on_link(opened.alignment, opened.documents, change.link_id, change.rules,
                                change.reason),
            description + " on the link of " + change.link_id};
  }
};

}  // namespace

ReviewOutcome review_and_save(const OpenedAlignment& opened, const ReviewChange& change,
                              double threshold) {
  Made made = std::visit(MakeChange{opened}, change);
  OpenedAlignment saved = [&] {
    try {
      return save_review(opened, made.alignment);
    } catch (const ReviewConflict& conflict) {
      const auto* note = std::get_if<NoteOnLink>(&change);
      if (note == nullptr || note->text.empty()) throw;
      // A refused change must not lose what the person wrote: the note comes back with the refusal.
      throw ReviewConflict(std::string(conflict.what()) + "; the note you typed, to add again:\n" +
                           note->text);
    }
  }();
  const std::size_t left = review_queue(saved.alignment, saved.documents, threshold).size();
  return {std::move(saved), std::move(made.description), left};
}

}  // namespace alinea
