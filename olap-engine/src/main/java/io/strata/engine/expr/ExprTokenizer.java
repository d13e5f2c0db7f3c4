package io.strata.engine.expr;

import io.strata.engine.error.StrataException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: numbers ({@code 12} is a long, {@code 1.5} and {@code 1e3} doubles),
 * single-quoted strings, identifiers (letters, digits, {@code _} and {@code $}, or any text in double
 * quotes), operators and punctuation. Backslash escapes in quotes are Druid's: {@code \' \" \\ \/ \b \f
 * \n \r \t \u0041}.
 */
final class ExprTokenizer {

	enum Kind {
		LONG, DOUBLE, STRING, IDENTIFIER, QUOTED_IDENTIFIER, OPERATOR, OPEN, CLOSE, COMMA, END
	}

	/** One token; {@code text} is the unescaped value for strings and quoted identifiers. */
	record Token(Kind kind, String text, int position) {

	}

	private static final String[] OPERATORS = { "<=", ">=", "==", "!=", "&&", "||", "<", ">", "+", "-", "*", "/", "%",
			"^", "!" };

	private final String text;

	private int position;

	private ExprTokenizer(String text) {
		this.text = text;
	}

	static List<Token> tokenize(String text) {
		return new ExprTokenizer(text).all();
	}

	private List<Token> all() {
		List<Token> tokens = new ArrayList<>();
		while (true) {
			skipWhitespace();
			if (this.position >= this.text.length()) {
				tokens.add(new Token(Kind.END, "", this.position));
				return tokens;
			}
			tokens.add(next());
		}
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private Token next() {
		int start = this.position;
		char c = this.text.charAt(start);
		if (isDigit(c) || (c == '.' && start + 1 < this.text.length() && isDigit(this.text.charAt(start + 1)))) {
			return number(start);
		}
		if (isIdentifierStart(c)) {
			while (this.position < this.text.length() && isIdentifierPart(this.text.charAt(this.position))) {
				this.position++;
			}
			return new Token(Kind.IDENTIFIER, this.text.substring(start, this.position), start);
		}
		switch (c) {
			case '\'' -> {
				return new Token(Kind.STRING, quoted('\''), start);
			}
			case '"' -> {
				return new Token(Kind.QUOTED_IDENTIFIER, quoted('"'), start);
			}
			case '(' -> {
				this.position++;
				return new Token(Kind.OPEN, "(", start);
			}
			case ')' -> {
				this.position++;
				return new Token(Kind.CLOSE, ")", start);
			}
			case ',' -> {
				this.position++;
				return new Token(Kind.COMMA, ",", start);
			}
			default -> {
			}
		}
		for (String operator : OPERATORS) {
			if (this.text.startsWith(operator, start)) {
				this.position += operator.length();
				return new Token(Kind.OPERATOR, operator, start);
			}
		}
		if (c == '[') {
			throw error(start, "array literals are not supported yet");
		}
		throw error(start, "unexpected character '" + c + "'");
	}

	private Token number(int start) {
		boolean isDouble = false;
		while (this.position < this.text.length() && isDigit(this.text.charAt(this.position))) {
			this.position++;
		}
		if (this.position < this.text.length() && this.text.charAt(this.position) == '.') {
			isDouble = true;
			this.position++;
			while (this.position < this.text.length() && isDigit(this.text.charAt(this.position))) {
				this.position++;
			}
		}
		if (this.position < this.text.length() && (this.text.charAt(this.position) == 'e'
				|| this.text.charAt(this.position) == 'E')) {
			int exponent = this.position + 1;
			if (exponent < this.text.length() && (this.text.charAt(exponent) == '-' || this.text.charAt(exponent) == '+')) {
				exponent++;
			}
			if (exponent >= this.text.length() || !isDigit(this.text.charAt(exponent))) {
				throw error(this.position, "exponent without digits");
			}
			isDouble = true;
			this.position = exponent;
			while (this.position < this.text.length() && isDigit(this.text.charAt(this.position))) {
				this.position++;
			}
		}
		if (this.position < this.text.length() && isIdentifierStart(this.text.charAt(this.position))) {
			throw error(this.position, "a number runs into an identifier");
		}
		return new Token(isDouble ? Kind.DOUBLE : Kind.LONG, this.text.substring(start, this.position), start);
	}

	private String quoted(char quote) {
		int start = this.position;
		StringBuilder out = new StringBuilder();
		this.position++;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position++);
			if (c == quote) {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (this.position >= this.text.length()) {
				break;
			}
			char escaped = this.text.charAt(this.position++);
			switch (escaped) {
				case '\'', '"', '\\', '/' -> out.append(escaped);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (this.position + 4 > this.text.length()) {
						throw error(this.position - 2, "\\u needs four hex digits");
					}
					try {
						out.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					}
					catch (NumberFormatException ex) {
						throw error(this.position - 2, "\\u needs four hex digits");
					}
					this.position += 4;
				}
				default -> throw error(this.position - 2, "unknown escape \\" + escaped);
			}
		}
		throw error(start, "unterminated " + (quote == '\'' ? "string" : "quoted identifier"));
	}

	private StrataException error(int at, String problem) {
		return ExprParser.error(this.text, at, problem);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || isDigit(c);
	}

}
