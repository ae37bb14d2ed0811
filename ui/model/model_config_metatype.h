// Lets azllm::ModelConfig travel in signals (queued connections, QSignalSpy, QVariant).
#pragma once

#include <QMetaType>

#include "model_config.h"

Q_DECLARE_METATYPE(azllm::ModelConfig)
