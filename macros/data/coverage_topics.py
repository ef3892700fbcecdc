"""The topics the SEND Regulations 2014 ask a Local Offer to publish (Schedule 2 and regulations
53 to 57), by key: the one list the model's topic links and the coverage report both use."""

TOPIC_KEYS = ("provision-in-area", "provision-outside-area", "mainstream-and-special", "funding",
              "approach-to-teaching", "health", "social-care", "travel", "preparing-for-adulthood", "leisure",
              "information-advice", "ehc-assessment", "complaints", "co-production", "you-said-we-did",
              "offline-access")
