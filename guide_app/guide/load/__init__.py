"""Reading the content: YAML files, their fields and checks, and the guide they make."""
