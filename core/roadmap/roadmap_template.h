// Lesson 41's task as a ready roadmap: the three parts a learner plans for the next months.
#pragma once

#include "roadmap_types.h"

namespace azllm {

// The argument lessons pass to the Roadmap screen to open this template.
inline constexpr const char *kLesson41TemplateKey = "lesson-41-template";

// Six months from `start`: next target a 300M model (az-300m, 336.1M parameters), five news
// sites to collect, RAG over Azerbaijan's laws; milestones spread over the horizon, the
// measurable ones tied to workspace facts. Ids are 0: RoadmapStore::createRoadmap stores it.
Roadmap lesson41Template(const QDate &start);

} // namespace azllm
