.PHONY: help assets

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-12s %s\n", $$1, $$2}'

assets: ## Rebuild the compiled CSS and JS in static/ from GOV.UK Frontend (needs Node and npm)
	npm ci
	npm run build
