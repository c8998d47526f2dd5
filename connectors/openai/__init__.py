"""AI: generate text with OpenAI or any compatible server (Ollama)."""
