package dev.yubin.web.interfaces.admin.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request body read as JSON by hand, so that every malformed body gets the same 400 with a JSON
 * error ({@link BadInput}) instead of whatever the binding layer answers.
 */
final class JsonBody {

  private final JsonObject object;

  private JsonBody(JsonObject object) {
    this.object = object;
  }

  /** Thrown for a body that is not what the call expects; its message is the error. */
  static final class BadInput extends RuntimeException {
    BadInput(String message) {
      super(message);
    }
  }

  static JsonBody parse(String body) {
    if (body == null || body.isBlank()) {
      throw new BadInput("a JSON object is required");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return new JsonBody(reader.readObject());
    } catch (JsonException | IllegalStateException e) {
      throw new BadInput("a JSON object is required");
    }
  }

  /** A required string member. */
  String string(String name) {
    JsonValue value = object.get(name);
    if (!(value instanceof JsonString text) || text.getString().isBlank()) {
      throw new BadInput(name + " is required (a string)");
    }
    return text.getString().trim();
  }

  /** A required non-empty array of strings. */
  List<String> strings(String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new BadInput(name + " is required (an array of strings)");
    }
    List<String> strings = new ArrayList<>();
    for (JsonValue element : value.asJsonArray()) {
      if (!(element instanceof JsonString text)) {
        throw new BadInput(name + " must hold strings only");
      }
      strings.add(text.getString().trim());
    }
    if (strings.isEmpty()) {
      throw new BadInput(name + " must not be empty");
    }
    return strings;
  }

  /** A required member that is a whole number of at least 0, or null (empty). */
  Optional<Long> countOrNull(String name) {
    if (!object.containsKey(name)) {
      throw new BadInput(name + " is required (a number of bytes, or null)");
    }
    JsonValue value = object.get(name);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new BadInput(name + " must be a whole number of bytes, or null");
    }
    long count;
    try {
      count = number.longValueExact();
    } catch (ArithmeticException e) {
      throw new BadInput(name + " is too large");
    }
    if (count < 0) {
      throw new BadInput(name + " must be at least 0");
    }
    return Optional.of(count);
  }
}
